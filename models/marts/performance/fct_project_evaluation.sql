-- One row per self-evaluation table (grain: table; projects and the department table, see
-- table_kind): the 总分 as printed next to what the table's own numbers give,
-- funding_score_recomputed = 分值 × 执行率 (exact decimal, unrounded) and
-- total_score_recomputed = printed funding 得分 + Σ printed indicator 得分 (null when a score is
-- not printed), with the extraction quality counts of the table.

with

tables as (

    select * from {{ ref('stg_performance__tables') }}

),

fund_rows as (

    select * from {{ ref('stg_performance__fund_rows') }}

),

indicators as (

    select * from {{ ref('stg_performance__indicators') }}

),

quality as (

    select * from {{ ref('stg_performance__quality') }}

),

funding as (

    select
        performance_table_id,
        weight as funding_weight,
        execution_rate_pct,
        score as funding_score,
        (weight * execution_rate_pct / 100)::decimal(18, 5) as funding_score_recomputed
    from fund_rows
    where row_kind = 'total'

),

indicator_totals as (

    select
        performance_table_id,
        count(*) as indicator_count,
        sum(weight) as indicator_weight_total,
        case when count(score) = count(*) then sum(score) end as indicator_score_total
    from indicators
    group by performance_table_id

),

final as (

    select
        ----------  ids
        tables.performance_table_id as evaluation_id,
        case when tables.table_kind = 'project' then tables.performance_table_id end
            as project_id,
        case when tables.table_kind = 'department' then tables.performance_table_id end
            as department_evaluation_id,
        tables.document_id,
        tables.table_id,
        tables.table_kind,

        ----------  scores
        tables.total_score,
        funding.funding_weight,
        funding.execution_rate_pct,
        funding.funding_score,
        funding.funding_score_recomputed,
        indicator_totals.indicator_count,
        indicator_totals.indicator_weight_total,
        indicator_totals.indicator_score_total,
        (funding.funding_score + indicator_totals.indicator_score_total)::decimal(18, 2)
            as total_score_recomputed,

        ----------  extraction quality
        quality.expected_cell_count,
        quality.extracted_cell_count,
        quality.missing_cell_count,
        quality.recovered_cell_count,
        quality.conflict_count,
        quality.dropped_layer_count,

        ----------  lineage
        tables.total_line,
        tables.source_line,
        tables.source_line_end

    from tables
    left join funding
        on tables.performance_table_id = funding.performance_table_id
    left join indicator_totals
        on tables.performance_table_id = indicator_totals.performance_table_id
    left join quality
        on tables.performance_table_id = quality.performance_table_id

)

select * from final
