-- Every printed number a check can use, one row per (document, theme, component, role), with
-- the group it belongs to, its rounding radius (half a unit of its last printed digit; 0 for
-- what is exact: counts, 分值, a number derived from a statement) and its line. The terms of
-- the check registry (ref_check_terms) name their inputs by theme, component and role.
--   narrative  the thematic figures (first printing), the 类 totals and 类/款/项 items of the
--              functional clauses (theme functional_class.<budget> / functional_item.<budget>,
--              grouped by their 类), the zeros a government-fund empty-table statement implies,
--              and the pairs of a figure printed twice (theme repeated_printing, D1);
--   performance the self-evaluation tables: 总分 per table, the fund rows' cells, the indicators'
--              分值 and 得分 (themes project_… / department_…, grouped by table), and the number
--              of project tables. A cell the table should have but does not print legibly is an
--              input without a value, with the extractor's reason.
-- Scores and rates of the tables count as rounded to 0.01 at least (a score printed 10 is
-- 10.00): their precision (decimals) is max(printed decimals, 2); 分值 is exact.

with

figures_by_role as (

    select * from {{ ref('int_thematic__figures_by_role') }}

),

disclosed_figures as (

    select * from {{ ref('stg_narrative__disclosed_figures') }}

),

explanations as (

    select * from {{ ref('stg_narrative__explanations') }}

),

performance_tables as (

    select * from {{ ref('stg_performance__tables') }}

),

fund_rows as (

    select * from {{ ref('stg_performance__fund_rows') }}

),

indicators as (

    select * from {{ ref('stg_performance__indicators') }}

),

missing_cells as (

    select * from {{ ref('stg_performance__missing_cells') }}

),

conflicts as (

    select * from {{ ref('stg_performance__conflicts') }}

),

-- ---------------------------------------------------------------- narrative
thematic as (

    select
        document_id,
        theme,
        component_code,
        role,
        cast(null as varchar) as group_key,
        line_item as label,
        value,
        decimals,
        {{ half_unit('decimals') }} as rounding_radius,
        measure in ('count', 'change_count') as is_exact,
        source_line,
        'disclosed' as derivation,
        cast(null as varchar) as missing_reason,
        cast(null as varchar) as chosen_note
    from figures_by_role
    where occurrence_no = 1

),

functional as (

    select
        document_id,
        case when topic_id = 'general_public_budget_classes' then 'functional_class'
            else 'functional_item' end
            || '.' || case when topic_id like 'general_public_budget%' then 'general_public_budget'
                else topic_id end as theme,
        line_item as component_code,
        case measure
            when 'amount' then 'amount'
            when 'share_pct' then 'share_pct'
            when 'change_amount' then 'change'
            when 'change_pct' then 'change_pct'
            when 'budget_initial_amount' then 'budget_initial'
        end as role,
        regexp_extract(line_item, '^(.*?)\(类\)', 1) as group_key,
        line_item as label,
        value,
        decimals,
        {{ half_unit('decimals') }} as rounding_radius,
        false as is_exact,
        source_line,
        'disclosed' as derivation,
        cast(null as varchar) as missing_reason,
        cast(null as varchar) as chosen_note
    from disclosed_figures
    -- the 类 totals of 五(二) and the 项 clauses of the budgets' sections, whichever template
    where topic_id in (
            'general_public_budget_classes', 'general_public_budget_items',
            'government_fund_budget', 'state_capital_operating_budget'
        )
        and line_item like '%(类)%'

),

-- The 项 clauses again, keyed by their whole 类/款/项 path: each pairs with the row of the
-- statement that prints the same 项 (X).
functional_paths as (

    select
        * replace (
            replace(theme, 'functional_item', 'functional_item_path') as theme,
            label as group_key
        )
    from functional
    where theme like 'functional_item.%'

),

-- 第二部分 七 may say in words that the department has no government-fund income, spending
-- or balances (…无政府性基金预算财政拨款收入、支出及结转和结余…为空表): its amounts are then
-- 0 exactly, derived from that statement.
government_fund_statements as (

    select document_id, min(source_line) as source_line
    from explanations
    where topic_id = 'government_fund_budget'
        and explanation_text like '%无政府性基金%'
        and explanation_text like '%空表%'
    group by document_id

),

government_fund_zeros as (

    select
        statements.document_id,
        'fiscal_appropriation' as theme,
        'government_fund_budget' as component_code,
        roles.role,
        cast(null as varchar) as group_key,
        '政府性基金预算财政拨款 (' || roles.role || ', 空表)' as label,
        cast(0 as decimal(18, 3)) as value,
        cast(null as integer) as decimals,
        cast(0 as decimal(18, 6)) as rounding_radius,
        true as is_exact,
        statements.source_line,
        'empty_table_statement' as derivation,
        cast(null as varchar) as missing_reason,
        cast(null as varchar) as chosen_note
    from government_fund_statements as statements
    cross join (
        values
            ('income_total'), ('beginning_balance'), ('current_year_income'),
            ('expenditure_total'), ('ending_balance'), ('current_year_expenditure')
    ) as roles (role)
    where not exists (
        select 1 from thematic
        where thematic.document_id = statements.document_id
            and thematic.component_code = 'government_fund_budget'
    )

),

-- D1: each later printing of a figure beside its first printing, as a pair (the group).
repeated_printings as (

    select
        later.document_id,
        'repeated_printing' as theme,
        later.theme || '.' || later.component_code || '.' || later.role as component_code,
        sides.side as role,
        later.line_item || ' (' || later.role || ', lines ' || first.source_line || ' and '
            || later.source_line || ')' as group_key,
        case sides.side when 'first' then first.line_item else later.line_item end as label,
        case sides.side when 'first' then first.value else later.value end as value,
        case sides.side when 'first' then first.decimals else later.decimals end as decimals,
        cast(0 as decimal(18, 6)) as rounding_radius,
        true as is_exact,
        case sides.side when 'first' then first.source_line else later.source_line end
            as source_line,
        'disclosed' as derivation,
        cast(null as varchar) as missing_reason,
        cast(null as varchar) as chosen_note
    from figures_by_role as later
    inner join figures_by_role as first
        on later.document_id = first.document_id
        and later.theme = first.theme
        and later.component_code = first.component_code
        and later.role = first.role
        and first.occurrence_no = 1
    cross join (values ('first'), ('later')) as sides (side)
    where later.occurrence_no > 1

),

-- ---------------------------------------------------------------- performance tables
-- What the extractor chose between two printings of a cell, per cell (field as in
-- raw_performance_conflicts: fund:<row_kind>:<column>, indicator:<seq>:<slot>).
chosen_cells as (

    select
        performance_table_id,
        field,
        string_agg(
            table_id || ' ' || field || ': '
                || case when kept_value = value_a
                    then value_a || ' (line ' || line_a || ') kept over ' || value_b
                        || ' (line ' || line_b || ')'
                    else value_b || ' (line ' || line_b || ') kept over ' || value_a
                        || ' (line ' || line_a || ')' end
                || ', ' || resolution,
            '; ' order by conflict_seq
        ) as chosen_note
    from conflicts
    group by performance_table_id, field

),

missing_reasons as (

    select
        performance_table_id,
        field,
        string_agg(reason || ' (line ' || source_line || ')', '; ' order by missing_seq) as reason
    from missing_cells
    group by performance_table_id, field

),

table_totals as (

    select
        document_id,
        table_kind || '_table' as theme,
        table_id as component_code,
        'total_score' as role,
        table_id as group_key,
        table_id || ' 总分' as label,
        total_score as value,
        greatest(total_score_decimals, 2) as decimals,
        {{ half_unit('greatest(total_score_decimals, 2)') }} as rounding_radius,
        false as is_exact,
        total_line as source_line,
        'disclosed' as derivation,
        case when total_score is null then 'not printed' end as missing_reason,
        cast(null as varchar) as chosen_note
    from performance_tables

),

fund_cells as (

    select
        fund_rows.document_id,
        tables.table_kind || '_fund' as theme,
        fund_rows.row_kind as component_code,
        columns.role,
        fund_rows.table_id as group_key,
        fund_rows.table_id || ' ' || coalesce(row_labels.row_label, fund_rows.row_kind) || ' '
            || columns.column_label as label,
        case columns.role
            when 'initial_budget' then fund_rows.budget_initial_wan_yuan
            when 'annual_budget' then fund_rows.budget_full_year_wan_yuan
            when 'executed' then fund_rows.executed_wan_yuan
            when 'weight' then fund_rows.weight
            when 'execution_rate' then fund_rows.execution_rate_pct
            when 'score' then fund_rows.score
        end as value,
        case columns.role
            when 'initial_budget' then fund_rows.budget_initial_decimals
            when 'annual_budget' then fund_rows.budget_full_year_decimals
            when 'executed' then fund_rows.executed_decimals
            when 'weight' then fund_rows.weight_decimals
            when 'execution_rate' then fund_rows.execution_rate_decimals
            when 'score' then fund_rows.score_decimals
        end as decimals,
        columns.role = 'weight' as is_exact,
        columns.role in ('execution_rate', 'score') as is_score_like,
        fund_rows.source_line,
        'fund:' || fund_rows.row_kind || ':' || columns.field_column as field,
        fund_rows.performance_table_id
    from fund_rows
    inner join performance_tables as tables
        on fund_rows.performance_table_id = tables.performance_table_id
    -- the row's name in the template (label_raw is as printed, often damaged)
    left join (
        values
            ('project', 'total', '年度资金总额'),
            ('project', 'current_year_appropriation', '当年财政拨款'),
            ('project', 'other', '其他资金'),
            ('department', 'total', '年度总资金'),
            ('department', 'superior', '上级资金'),
            ('department', 'own_level', '本级资金'),
            ('department', 'other', '其他资金')
    ) as row_labels (table_kind, row_kind, row_label)
        on tables.table_kind = row_labels.table_kind
        and fund_rows.row_kind = row_labels.row_kind
    cross join (
        values
            ('initial_budget', 'initial_budget', '年初预算数'),
            ('annual_budget', 'annual_budget', '全年预算数'),
            ('executed', 'executed', '全年执行数'),
            ('weight', 'weight', '分值'),
            ('execution_rate', 'execution_rate', '执行率'),
            ('score', 'score', '得分')
    ) as columns (role, field_column, column_label)

),

indicator_cells as (

    select
        indicators.document_id,
        tables.table_kind || '_indicator' as theme,
        indicators.table_id || ' 指标' || indicators.indicator_seq as component_code,
        roles.role,
        indicators.table_id as group_key,
        indicators.table_id || ' 指标' || indicators.indicator_seq || roles.label_suffix as label,
        case roles.role when 'weight' then indicators.weight else indicators.score end as value,
        case roles.role when 'weight' then indicators.weight_decimals
            else indicators.score_decimals end as decimals,
        roles.role = 'weight' as is_exact,
        roles.role = 'score' as is_score_like,
        indicators.source_line,
        'indicator:' || indicators.indicator_seq || ':' || roles.role as field,
        indicators.performance_table_id
    from indicators
    inner join performance_tables as tables
        on indicators.performance_table_id = tables.performance_table_id
    cross join (values ('weight', '分值'), ('score', '得分')) as roles (role, label_suffix)

),

table_cells as (

    select * from fund_cells
    union all
    select * from indicator_cells

),

table_cell_inputs as (

    select
        cells.document_id,
        cells.theme,
        cells.component_code,
        cells.role,
        cells.group_key,
        cells.label,
        cells.value,
        case when cells.is_score_like then greatest(cells.decimals, 2)
            else cells.decimals end as decimals,
        case
            when cells.is_exact then cast(0 as decimal(18, 6))
            when cells.is_score_like then {{ half_unit('greatest(cells.decimals, 2)') }}
            else {{ half_unit('cells.decimals') }}
        end as rounding_radius,
        cells.is_exact,
        cells.source_line,
        'disclosed' as derivation,
        case when cells.value is null
            then coalesce(missing_reasons.reason, 'not printed') end as missing_reason,
        chosen_cells.chosen_note
    from table_cells as cells
    left join missing_reasons
        on cells.performance_table_id = missing_reasons.performance_table_id
        and cells.field = missing_reasons.field
    left join chosen_cells
        on cells.performance_table_id = chosen_cells.performance_table_id
        and cells.field = chosen_cells.field

),

project_table_counts as (

    select
        document_id,
        'performance_tables' as theme,
        'project' as component_code,
        'count' as role,
        cast(null as varchar) as group_key,
        '项目表数' as label,
        cast(count(*) as decimal(18, 3)) as value,
        0 as decimals,
        cast(0 as decimal(18, 6)) as rounding_radius,
        true as is_exact,
        cast(null as integer) as source_line,
        'counted' as derivation,
        cast(null as varchar) as missing_reason,
        cast(null as varchar) as chosen_note
    from performance_tables
    where table_kind = 'project'
    group by document_id

),

unioned as (

    select * from thematic
    union all by name
    select * from functional
    union all by name
    select * from functional_paths
    union all by name
    select * from government_fund_zeros
    union all by name
    select * from repeated_printings
    union all by name
    select * from table_totals
    union all by name
    select * from table_cell_inputs
    union all by name
    select * from project_table_counts
    union all by name
    select * from {{ ref('int_checks__statement_inputs') }}

),

final as (

    select
        ----------  keys
        document_id,
        theme,
        component_code,
        role,
        group_key,

        ----------  attributes
        label,
        derivation,
        missing_reason,
        chosen_note,

        ----------  values
        value::decimal(18, 3) as value,
        decimals,
        case when is_exact then 0 else rounding_radius end::decimal(18, 6) as rounding_radius,

        ----------  lineage
        source_line

    from unioned

)

select * from final
