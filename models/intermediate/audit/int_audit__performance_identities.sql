-- The identities of the self-evaluation tables of 第二部分 十一 (DOMAIN.md §5 P1–P8) and three
-- warnings (W1–W3), one row per identity × document × instance, with the columns of
-- int_audit__sum_identities. Built on staging views only (a changed raw cell changes the
-- identities at once).
--   sum    P1 年度资金总额 = 当年财政拨款 + 其他资金 per table and column (department table:
--          年度总资金 = 上级 + 本级 + 其他); P4 总分 = funding 得分 + Σ indicator 得分; P5 funding 分值
--          + Σ indicator 分值 = 100 (exact); P7 the 十一 count and totals = the project tables';
--          P8 the department table's 全年预算数 = 收入总计 and 全年执行数 = 本年支出合计 (section 一).
--          Holds when |total − Σ terms| ≤ Σ rounding radii of the printed inputs.
--   ratio  P2 (and P8 执行率) 执行率 = 全年执行数 / 全年预算数 × 100 by interval arithmetic over the
--          four corners, decided by cross-multiplication; P3 (and P8 得分) funding 得分 = 分值 ×
--          执行率: the printed score ± half a unit meets 分值 × [执行率 ± half a unit] (分值 exact).
--   bound  P6 0 ≤ 得分 ≤ 分值 per indicator (exact).
--   rule   warnings: W1 a quantitative >= indicator's 得分 = round(分值 × min(实际 / 目标, 1), 2);
--          W2 a quantitative target met with a deduction, or missed with full marks; W3 a
--          deviation reason printed identically in two or more projects (copied text).
-- Scores, weights and rates count as rounded to 0.01 at least (a score printed 10 is 10.00):
-- their radius is half a unit of max(printed decimals, 2); amounts use their printed decimals;
-- 分值 and the 100 of P5 are exact. A missing input makes the row not_evaluable and names the
-- cell, with the extractor's reason (raw_performance_missing_cells) when it gives one.

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

missing_cells as (

    select * from {{ ref('stg_performance__missing_cells') }}

),

inputs as (

    select * from {{ ref('int_audit__identity_inputs') }}

),

-- One reason per missing cell field of a table (fund:<row_kind>:<column>, indicator:<seq>:<field>).
missing_reasons as (

    select
        performance_table_id,
        field,
        string_agg(reason || ' (line ' || source_line || ')', '; ' order by missing_seq) as reason
    from missing_cells
    group by performance_table_id, field

),

-- ---------------------------------------------------------------- fund cells, long
fund_columns (column_key, column_label) as (

    values
        ('initial_budget', '年初预算数'),
        ('annual_budget', '全年预算数'),
        ('executed', '全年执行数')

),

fund_cells as (

    select
        fund_rows.performance_table_id,
        fund_rows.row_kind,
        fund_columns.column_key,
        case fund_columns.column_key
            when 'initial_budget' then fund_rows.budget_initial_wan_yuan
            when 'annual_budget' then fund_rows.budget_full_year_wan_yuan
            when 'executed' then fund_rows.executed_wan_yuan
        end as value,
        {{ half_unit("case fund_columns.column_key
            when 'initial_budget' then fund_rows.budget_initial_decimals
            when 'annual_budget' then fund_rows.budget_full_year_decimals
            when 'executed' then fund_rows.executed_decimals end") }} as radius,
        fund_rows.source_line
    from fund_rows
    cross join fund_columns

),

fund_row_labels (table_kind, row_kind, side, row_label, row_order) as (

    values
        ('project', 'total', 'total', '年度资金总额', 1),
        ('project', 'current_year_appropriation', 'term', '当年财政拨款', 2),
        ('project', 'other', 'term', '其他资金', 3),
        ('department', 'total', 'total', '年度总资金', 1),
        ('department', 'superior', 'term', '上级资金', 2),
        ('department', 'own_level', 'term', '本级资金', 3),
        ('department', 'other', 'term', '其他资金', 4)

),

-- ---------------------------------------------------------------- sum identities, long
p1_terms as (

    select
        'P1' as identity_id,
        tables.document_id,
        tables.table_id || ' ' || case tables.table_kind when 'department' then '年度总资金'
            else '年度资金总额' end || ' ' || fund_columns.column_label as instance,
        fund_row_labels.side,
        fund_row_labels.row_label as label,
        fund_row_labels.row_order as term_order,
        fund_cells.value,
        fund_cells.radius,
        fund_cells.source_line,
        'fund:' || fund_row_labels.row_kind || ':' || fund_columns.column_key as field,
        tables.performance_table_id
    from tables
    cross join fund_columns
    inner join fund_row_labels
        on tables.table_kind = fund_row_labels.table_kind
    left join fund_cells
        on tables.performance_table_id = fund_cells.performance_table_id
        and fund_row_labels.row_kind = fund_cells.row_kind
        and fund_columns.column_key = fund_cells.column_key

),

total_fund_rows as (

    select * from fund_rows where row_kind = 'total'

),

p4_terms as (

    select
        'P4' as identity_id, tables.document_id, tables.table_id || ' 总分' as instance,
        'total' as side, '总分' as label, 0 as term_order,
        tables.total_score as value,
        {{ half_unit('greatest(tables.total_score_decimals, 2)') }} as radius,
        tables.total_line as source_line, 'total_score' as field, tables.performance_table_id
    from tables
    union all
    select
        'P4', tables.document_id, tables.table_id || ' 总分', 'term', '资金得分', 1,
        total_fund_rows.score, {{ half_unit('greatest(total_fund_rows.score_decimals, 2)') }},
        total_fund_rows.source_line, 'fund:total:score', tables.performance_table_id
    from tables
    left join total_fund_rows
        on tables.performance_table_id = total_fund_rows.performance_table_id
    union all
    select
        'P4', tables.document_id, tables.table_id || ' 总分', 'term',
        '指标' || indicators.indicator_seq || '得分', 1 + indicators.indicator_seq,
        indicators.score, {{ half_unit('greatest(indicators.score_decimals, 2)') }},
        indicators.source_line, 'indicator:' || indicators.indicator_seq || ':score',
        tables.performance_table_id
    from tables
    inner join indicators
        on tables.performance_table_id = indicators.performance_table_id

),

p5_terms as (

    select
        'P5' as identity_id, tables.document_id, tables.table_id || ' 分值合计' as instance,
        'total' as side, '100' as label, 0 as term_order,
        cast(100 as decimal(18, 2)) as value, cast(0 as decimal(18, 6)) as radius,
        cast(null as integer) as source_line, 'total_weight' as field, tables.performance_table_id
    from tables
    union all
    select
        'P5', tables.document_id, tables.table_id || ' 分值合计', 'term', '资金分值', 1,
        total_fund_rows.weight, cast(0 as decimal(18, 6)),
        total_fund_rows.source_line, 'fund:total:weight', tables.performance_table_id
    from tables
    left join total_fund_rows
        on tables.performance_table_id = total_fund_rows.performance_table_id
    union all
    select
        'P5', tables.document_id, tables.table_id || ' 分值合计', 'term',
        '指标' || indicators.indicator_seq || '分值', 1 + indicators.indicator_seq,
        indicators.weight, cast(0 as decimal(18, 6)),
        indicators.source_line, 'indicator:' || indicators.indicator_seq || ':weight',
        tables.performance_table_id
    from tables
    inner join indicators
        on tables.performance_table_id = indicators.performance_table_id

),

performance_documents as (

    select distinct document_id from tables

),

p7_definitions (instance, role, column_key) as (

    values
        ('项目支出绩效自评表 数量', 'count', null),
        ('项目支出绩效自评表 Σ 全年预算数', 'budget', 'annual_budget'),
        ('项目支出绩效自评表 Σ 全年执行数', 'executed', 'executed')

),

p7_terms as (

    -- the 十一 figure (项目支出绩效自评表: count, 全年预算数, 全年执行数)
    select
        'P7' as identity_id, performance_documents.document_id, p7_definitions.instance,
        'total' as side, '十一 ' || coalesce(inputs.line_item, '项目支出绩效自评表') as label,
        0 as term_order, inputs.value, inputs.rounding_radius as radius, inputs.source_line,
        'narrative:performance_evaluation.project_self_evaluation.' || p7_definitions.role
            as field,
        cast(null as varchar) as performance_table_id
    from performance_documents
    cross join p7_definitions
    left join inputs
        on performance_documents.document_id = inputs.document_id
        and inputs.theme = 'performance_evaluation'
        and inputs.component_code = 'project_self_evaluation'
        and inputs.role = p7_definitions.role
    union all
    -- the number of project tables (exact; counted, so no single source line)
    select
        'P7', document_id, '项目支出绩效自评表 数量', 'term', '项目表数', 1,
        cast(count(*) as decimal(18, 2)), cast(0 as decimal(18, 6)),
        cast(null as integer), 'project_tables', null
    from tables
    where table_kind = 'project'
    group by document_id
    union all
    -- each project's 年度资金总额 row
    select
        'P7', tables.document_id, p7_definitions.instance, 'term',
        tables.table_id || ' 年度资金总额', tables.table_seq,
        fund_cells.value, fund_cells.radius, fund_cells.source_line,
        'fund:total:' || p7_definitions.column_key, tables.performance_table_id
    from tables
    inner join p7_definitions
        on p7_definitions.column_key is not null
    left join fund_cells
        on tables.performance_table_id = fund_cells.performance_table_id
        and fund_cells.row_kind = 'total'
        and fund_cells.column_key = p7_definitions.column_key
    where tables.table_kind = 'project'

),

p8_sum_definitions (instance, column_key, role, role_label) as (

    values
        ('部门整体 全年预算数 = 收入总计', 'annual_budget', 'income_total', '收入总计'),
        ('部门整体 全年执行数 = 本年支出合计', 'executed', 'current_year_expenditure', '本年支出合计')

),

p8_terms as (

    select
        'P8' as identity_id, performance_documents.document_id, p8_sum_definitions.instance,
        'total' as side, 'D 年度总资金 ' || fund_columns.column_label as label, 0 as term_order,
        fund_cells.value, fund_cells.radius, fund_cells.source_line,
        'fund:total:' || p8_sum_definitions.column_key as field,
        department.performance_table_id
    from performance_documents
    cross join p8_sum_definitions
    inner join fund_columns
        on p8_sum_definitions.column_key = fund_columns.column_key
    left join tables as department
        on performance_documents.document_id = department.document_id
        and department.table_kind = 'department'
    left join fund_cells
        on department.performance_table_id = fund_cells.performance_table_id
        and fund_cells.row_kind = 'total'
        and fund_cells.column_key = p8_sum_definitions.column_key
    union all
    select
        'P8', performance_documents.document_id, p8_sum_definitions.instance, 'term',
        p8_sum_definitions.role_label, 1,
        inputs.value, inputs.rounding_radius, inputs.source_line,
        'narrative:income_expenditure_summary.summary.' || p8_sum_definitions.role, null
    from performance_documents
    cross join p8_sum_definitions
    left join inputs
        on performance_documents.document_id = inputs.document_id
        and inputs.theme = 'income_expenditure_summary'
        and inputs.component_code = 'summary'
        and inputs.role = p8_sum_definitions.role

),

sum_terms as (

    select * from p1_terms
    union all by name
    select * from p4_terms
    union all by name
    select * from p5_terms
    union all by name
    select * from p7_terms
    union all by name
    select * from p8_terms

),

sum_terms_explained as (

    select
        sum_terms.*,
        case when sum_terms.value is null then
            sum_terms.label || ' (' || sum_terms.field || '): ' || coalesce(
                missing_reasons.reason,
                case when sum_terms.field like 'narrative:%' then 'not disclosed'
                    when sum_terms.performance_table_id is null then 'table not extracted'
                    else 'not printed' end
            )
        end as missing_input
    from sum_terms
    left join missing_reasons
        on sum_terms.performance_table_id = missing_reasons.performance_table_id
        and sum_terms.field = missing_reasons.field

),

sum_aggregated as (

    select
        identity_id,
        document_id,
        instance,
        sum(value) filter (where side = 'total') as left_value,
        sum(value) filter (where side = 'term') as right_value,
        sum(radius) as envelope,
        count(*) filter (where side = 'term') as term_count,
        string_agg(label, ' + ' order by term_order) filter (where side = 'term') as right_label,
        string_agg(label, ' ' order by term_order) filter (where side = 'total') as left_label,
        string_agg(missing_input, '; ' order by term_order)
            filter (where missing_input is not null) as missing_inputs,
        array_to_string(list_sort(list_distinct(list(source_line)
            filter (where source_line is not null))), ',') as source_lines
    from sum_terms_explained
    group by identity_id, document_id, instance

),

sum_checks as (

    select
{{ sum_check_columns('missing input') }}
    from sum_aggregated

),

-- ---------------------------------------------------------------- 执行率 and funding 得分
-- P2 / P3 for every project table, P8 执行率 / 得分 for the department table.
rate_inputs as (

    select
        tables.document_id,
        tables.table_kind,
        tables.performance_table_id,
        case tables.table_kind when 'department' then 'P8' end as department_identity,
        case tables.table_kind when 'department' then '部门整体' else tables.table_id end
            as instance_prefix,
        total_fund_rows.executed_wan_yuan as x_value,
        {{ half_unit('total_fund_rows.executed_decimals') }} as x_radius,
        total_fund_rows.budget_full_year_wan_yuan as y_value,
        {{ half_unit('total_fund_rows.budget_full_year_decimals') }} as y_radius,
        total_fund_rows.execution_rate_pct as rate_value,
        greatest(total_fund_rows.execution_rate_decimals, 2) as rate_decimals,
        total_fund_rows.weight as weight_value,
        total_fund_rows.score as score_value,
        greatest(total_fund_rows.score_decimals, 2) as score_decimals,
        total_fund_rows.source_line,
        concat_ws('; ',
            case when total_fund_rows.executed_wan_yuan is null then 'fund:total:executed: '
                || coalesce(executed_reason.reason, 'not printed') end,
            case when total_fund_rows.budget_full_year_wan_yuan is null then 'fund:total:annual_budget: '
                || coalesce(budget_reason.reason, 'not printed') end,
            case when total_fund_rows.execution_rate_pct is null then 'fund:total:execution_rate: '
                || coalesce(rate_reason.reason, 'not printed') end
        ) as rate_missing,
        concat_ws('; ',
            case when total_fund_rows.weight is null then 'fund:total:weight: '
                || coalesce(weight_reason.reason, 'not printed') end,
            case when total_fund_rows.execution_rate_pct is null then 'fund:total:execution_rate: '
                || coalesce(rate_reason.reason, 'not printed') end,
            case when total_fund_rows.score is null then 'fund:total:score: '
                || coalesce(score_reason.reason, 'not printed') end
        ) as score_missing
    from tables
    left join total_fund_rows
        on tables.performance_table_id = total_fund_rows.performance_table_id
    left join missing_reasons as executed_reason
        on executed_reason.performance_table_id = tables.performance_table_id
        and executed_reason.field = 'fund:total:executed'
    left join missing_reasons as budget_reason
        on budget_reason.performance_table_id = tables.performance_table_id
        and budget_reason.field = 'fund:total:annual_budget'
    left join missing_reasons as rate_reason
        on rate_reason.performance_table_id = tables.performance_table_id
        and rate_reason.field = 'fund:total:execution_rate'
    left join missing_reasons as weight_reason
        on weight_reason.performance_table_id = tables.performance_table_id
        and weight_reason.field = 'fund:total:weight'
    left join missing_reasons as score_reason
        on score_reason.performance_table_id = tables.performance_table_id
        and score_reason.field = 'fund:total:score'

),

rate_corners as (

    select
        rate_inputs.*,
        cast(x_value + corner.x_sign * x_radius as decimal(38, 6)) as numerator,
        cast(y_value + corner.y_sign * y_radius as decimal(38, 6)) as denominator,
        cast(rate_value as decimal(38, 6)) + {{ half_unit('rate_decimals') }} as upper,
        cast(rate_value as decimal(38, 6)) - {{ half_unit('rate_decimals') }} as lower
    from rate_inputs
    cross join (values (-1, -1), (-1, 1), (1, -1), (1, 1)) as corner (x_sign, y_sign)

),

rate_evaluated as (

    select
        document_id,
        any_value(department_identity) as department_identity,
        any_value(instance_prefix) as instance_prefix,
        any_value(x_value) as x_value,
        any_value(y_value) as y_value,
        any_value(rate_value) as rate_value,
        any_value(rate_decimals) as rate_decimals,
        any_value(rate_missing) as rate_missing,
        any_value(source_line) as source_line,
{{ ratio_corners('numerator', 'denominator') }}
    from rate_corners
    group by performance_table_id, document_id

),

rate_judged as (

    select
        *,
        {{ exact_ratio_pct('x_value', 'y_value') }} as expected_value,
        cast(rate_value as decimal(38, 6)) + {{ half_unit('rate_decimals') }} as upper,
        cast(rate_value as decimal(38, 6)) - {{ half_unit('rate_decimals') }} as lower,
        case
            when rate_missing <> '' then 'missing input: ' || rate_missing
            when has_pole then '全年预算数 is zero within rounding: 执行率 is undefined'
        end as not_evaluable_reason
    from rate_evaluated

),

rate_checks as (

    select
        coalesce(department_identity, 'P2') as identity_id,
        document_id,
        instance_prefix || ' 执行率' as instance,
        'ratio' as check_kind,
        'printed 执行率 %' as left_label,
        '全年执行数 / 全年预算数 × 100 with 全年执行数 = ' || coalesce(cast(x_value as varchar), '?')
            || ', 全年预算数 = ' || coalesce(cast(y_value as varchar), '?') as right_label,
{{ ratio_check_columns('rate_value', 'rate_decimals', 'x_value', 'y_value') }},
        not_evaluable_reason,
        cast(source_line as varchar) as source_lines
    from rate_judged

),

-- 得分 = 分值 × 执行率 / 100: 分值 exact, 执行率 ± half a unit, 得分 ± half a unit.
score_checks as (

    select
        coalesce(department_identity, 'P3') as identity_id,
        document_id,
        instance_prefix || ' 得分' as instance,
        'ratio' as check_kind,
        'printed 得分' as left_label,
        '分值 × 执行率 / 100 with 分值 = ' || coalesce(cast(weight_value as varchar), '?')
            || ', 执行率 = ' || coalesce(cast(rate_value as varchar), '?') as right_label,
        score_value::decimal(18, 3) as left_value,
        (weight_value * rate_value / 100)::decimal(18, 6) as right_value,
        case when score_missing = ''
            then score_value - weight_value * rate_value / 100 end::decimal(18, 6) as difference,
        case when score_missing = ''
            then {{ half_unit('score_decimals') }}
                + weight_value * {{ half_unit('rate_decimals') }} / 100 end::decimal(18, 6)
            as envelope,
        case
            when score_missing <> '' then 'not_evaluable'
            when {{ round_to('weight_value * rate_value / 100', 'score_decimals') }} = score_value
                then 'pass'
            when abs(score_value - weight_value * rate_value / 100)
                <= {{ half_unit('score_decimals') }}
                    + weight_value * {{ half_unit('rate_decimals') }} / 100
                then 'rounding'
            else 'fail'
        end as outcome,
        case when score_missing <> '' then 'missing input: ' || score_missing end
            as not_evaluable_reason,
        cast(source_line as varchar) as source_lines
    from rate_inputs

),

-- ---------------------------------------------------------------- per indicator
indicator_inputs as (

    select
        indicators.*,
        tables.table_kind,
        concat_ws('; ',
            case when indicators.weight is null then 'indicator:' || indicators.indicator_seq
                || ':weight: ' || coalesce(weight_reason.reason, 'not printed') end,
            case when indicators.score is null then 'indicator:' || indicators.indicator_seq
                || ':score: ' || coalesce(score_reason.reason, 'not printed') end
        ) as missing_inputs,
        indicators.target_kind = 'quantitative' and indicators.actual_kind = 'quantitative'
            and indicators.target_value is not null and indicators.actual_value is not null
            and indicators.target_operator is not null as is_quantitative
    from indicators
    inner join tables
        on indicators.performance_table_id = tables.performance_table_id
    left join missing_reasons as weight_reason
        on weight_reason.performance_table_id = indicators.performance_table_id
        and weight_reason.field = 'indicator:' || indicators.indicator_seq || ':weight'
    left join missing_reasons as score_reason
        on score_reason.performance_table_id = indicators.performance_table_id
        and score_reason.field = 'indicator:' || indicators.indicator_seq || ':score'

),

bound_checks as (

    select
        'P6' as identity_id,
        document_id,
        table_id || ' 指标' || indicator_seq || ' 0 ≤ 得分 ≤ 分值' as instance,
        'bound' as check_kind,
        '得分 ' || coalesce(level3_name, '(三级指标 not printed)') as left_label,
        '分值' as right_label,
        score::decimal(18, 3) as left_value,
        weight::decimal(18, 6) as right_value,
        -- how far the score lies outside [0, 分值]
        case when missing_inputs = ''
            then greatest(score - weight, 0) + greatest(-score, 0) end::decimal(18, 6)
            as difference,
        case when missing_inputs = '' then 0 end::decimal(18, 6) as envelope,
        case
            when missing_inputs <> '' then 'not_evaluable'
            when score between 0 and weight then 'pass'
            else 'fail'
        end as outcome,
        case when missing_inputs <> '' then 'missing input: ' || missing_inputs end
            as not_evaluable_reason,
        cast(source_line as varchar) as source_lines
    from indicator_inputs

),

-- W1: score = round(分值 × min(实际 / 目标, 1), 2), in exact integer arithmetic (cents).
partial_score_expected as (

    select
        *,
        (
            (2 * cast(weight * 100 as hugeint) * cast(least(actual_value, target_value) * 10000 as hugeint)
                + cast(target_value * 10000 as hugeint))
            // (2 * cast(target_value * 10000 as hugeint))
        )::decimal(30, 0) * 0.01::decimal(3, 2) as expected_score
    from indicator_inputs
    where is_quantitative and target_operator = '>=' and target_value > 0
        and actual_value >= 0 and missing_inputs = ''

),

partial_score_checks as (

    select
        'W1' as identity_id,
        document_id,
        table_id || ' 指标' || indicator_seq || ' 得分 = 分值 × min(实际/目标, 1)' as instance,
        'rule' as check_kind,
        '得分 ' || coalesce(level3_name, '(三级指标 not printed)') as left_label,
        'round(分值 × min(实际 / 目标, 1), 2) with 分值 = ' || weight || ', 实际 = ' || actual_value
            || ', 目标 = ' || target_value as right_label,
        score::decimal(18, 3) as left_value,
        expected_score::decimal(18, 6) as right_value,
        (score - expected_score)::decimal(18, 6) as difference,
        cast(0 as decimal(18, 6)) as envelope,
        case when score = expected_score then 'pass' else 'fail' end as outcome,
        cast(null as varchar) as not_evaluable_reason,
        cast(source_line as varchar) as source_lines
    from partial_score_expected

),

-- W2: the direction of the target against the score: met with a deduction, or missed with
-- full marks.
direction_checks as (

    select
        'W2' as identity_id,
        document_id,
        table_id || ' 指标' || indicator_seq || ' 目标方向与得分' as instance,
        'rule' as check_kind,
        '得分 ' || coalesce(level3_name, '(三级指标 not printed)') as left_label,
        '分值 (target ' || target_operator || ' ' || target_value || ', actual ' || actual_value
            || ': ' || case when met then 'met' else 'missed' end || ')' as right_label,
        score::decimal(18, 3) as left_value,
        weight::decimal(18, 6) as right_value,
        (score - weight)::decimal(18, 6) as difference,
        cast(0 as decimal(18, 6)) as envelope,
        case
            when met and score < weight then 'fail'
            when not met and score >= weight then 'fail'
            else 'pass'
        end as outcome,
        cast(null as varchar) as not_evaluable_reason,
        cast(source_line as varchar) as source_lines
    from (
        select
            *,
            case target_operator
                when '>=' then actual_value >= target_value
                when '>' then actual_value > target_value
                when '<=' then actual_value <= target_value
                when '<' then actual_value < target_value
                when '=' then actual_value = target_value
            end as met
        from indicator_inputs
        where is_quantitative and missing_inputs = ''
    )
    where met is not null

),

-- W3: a deviation reason (at least 10 characters) printed identically in two or more projects.
copied_texts as (

    select
        document_id,
        deviation_reason,
        count(distinct table_id) as table_count,
        string_agg(table_id || ' 指标' || indicator_seq, ', ' order by table_id, indicator_seq)
            as occurrences,
        array_to_string(list_sort(list_distinct(list(source_line))), ',') as source_lines
    from indicators
    where length(deviation_reason) >= 10
    group by document_id, deviation_reason
    having count(distinct table_id) > 1

),

copied_text_checks as (

    select
        'W3' as identity_id,
        document_id,
        '偏差原因 copied: ' || deviation_reason as instance,
        'rule' as check_kind,
        'tables printing the same 偏差原因分析 (' || occurrences || ')' as left_label,
        'at most 1 table' as right_label,
        table_count::decimal(18, 3) as left_value,
        cast(1 as decimal(18, 6)) as right_value,
        (table_count - 1)::decimal(18, 6) as difference,
        cast(0 as decimal(18, 6)) as envelope,
        'fail' as outcome,
        cast(null as varchar) as not_evaluable_reason,
        source_lines
    from copied_texts

),

final as (

    select * from sum_checks
    union all by name
    select * from rate_checks
    union all by name
    select * from score_checks
    union all by name
    select * from bound_checks
    union all by name
    select * from partial_score_checks
    union all by name
    select * from direction_checks
    union all by name
    select * from copied_text_checks

)

select * from final
