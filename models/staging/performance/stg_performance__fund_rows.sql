-- One row per fund row of a self-evaluation table (raw_performance_fund_rows): 年度资金总额 /
-- 当年财政拨款 / 其他资金 (department: 年度总资金 / 上级 / 本级 / 其他) with the six columns.
-- For each number, the decimals it was printed with (from the extractor; the comma counts as
-- the point in '9, 33'), which give its rounding radius in the identities. Null when the cell
-- carries no number.

{% set cells = [
    ('initial_budget', 'budget_initial'),
    ('annual_budget', 'budget_full_year'),
    ('executed', 'executed'),
    ('weight', 'weight'),
    ('execution_rate', 'execution_rate'),
    ('score', 'score'),
] %}

with

source as (

    select * from {{ ref('raw_performance_fund_rows') }}

),

renamed as (

    select
        ----------  ids
        {{ natural_key(['document_id', 'table_id', 'row_seq']) }} as fund_row_id,
        {{ natural_key(['document_id', 'table_id']) }} as performance_table_id,
        {{ clean_text('document_id') }} as document_id,
        {{ clean_text('table_id') }} as table_id,
        cast(row_seq as integer) as row_seq,
        {{ clean_text('row_kind') }} as row_kind,
        {{ clean_text('label_raw') }} as label_raw,

        ----------  amounts (万元) and scores
        {{ to_wan_yuan('initial_budget') }} as budget_initial_wan_yuan,
        {{ to_wan_yuan('annual_budget') }} as budget_full_year_wan_yuan,
        {{ to_wan_yuan('executed') }} as executed_wan_yuan,
        cast(weight as decimal(18, 2)) as weight,
        {{ to_pct('execution_rate_pct') }} as execution_rate_pct,
        cast(score as decimal(18, 2)) as score,

        ----------  printed decimals
        {%- for raw, name in cells %}
        cast({{ raw }}_decimals as integer) as {{ name }}_decimals,
        {%- endfor %}

        ----------  cells as printed
        {{ clean_text('initial_budget_raw') }} as budget_initial_raw,
        {{ clean_text('annual_budget_raw') }} as budget_full_year_raw,
        {{ clean_text('executed_raw') }} as executed_raw,
        {{ clean_text('weight_raw') }} as weight_raw,
        {{ clean_text('execution_rate_raw') }} as execution_rate_raw,
        {{ clean_text('score_raw') }} as score_raw,

        ----------  lineage
        cast(source_line as integer) as source_line,
        cast(raw_text as varchar) as raw_text

    from source

)

select * from renamed
