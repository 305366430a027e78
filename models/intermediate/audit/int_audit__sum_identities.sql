-- The additive identities of DOMAIN.md §5 (N…, and P8's narrative side), plus D1 (a figure
-- printed twice agrees), one row per identity × document × instance:
-- total = Σ terms holds when |total − Σ terms| ≤ Σ rounding radii of all printed inputs
-- ((n + 1) × 0.005 for 2-decimal amounts). An input a document does not print makes the
-- row not_evaluable, naming it; every document gets every row (nothing is skipped).

with

inputs as (

    select * from {{ ref('int_audit__identity_inputs') }}

),

figures_by_role as (

    select * from {{ ref('int_thematic__figures_by_role') }}

),

documents as (

    select document_id from {{ ref('stg_narrative__documents') }}

),

-- Each identity instance: its total ('total') and its terms ('term'). component_code '*'
-- takes every component of the theme (of the budget type, when one is given).
definitions (identity_id, instance, side, theme, component_code, role, budget_type) as (

    values
        ('N1', '收入总计', 'total', 'income_expenditure_summary', 'summary', 'income_total', null),
        ('N1', '收入总计', 'term', 'income_expenditure_summary', 'summary', 'current_year_income', null),
        ('N1', '收入总计', 'term', 'income_expenditure_summary', 'summary', 'non_fiscal_balance_used', null),
        ('N1', '收入总计', 'term', 'income_expenditure_summary', 'summary', 'beginning_balance', null),
        ('N2', '支出总计', 'total', 'income_expenditure_summary', 'summary', 'expenditure_total', null),
        ('N2', '支出总计', 'term', 'income_expenditure_summary', 'summary', 'current_year_expenditure', null),
        ('N2', '支出总计', 'term', 'income_expenditure_summary', 'summary', 'surplus_distribution', null),
        ('N2', '支出总计', 'term', 'income_expenditure_summary', 'summary', 'ending_balance', null),
        ('N3', '收入总计 = 支出总计', 'total', 'income_expenditure_summary', 'summary', 'income_total', null),
        ('N3', '收入总计 = 支出总计', 'term', 'income_expenditure_summary', 'summary', 'expenditure_total', null),
        ('N4', '本年收入', 'total', 'income_by_source', 'total', 'amount', null),
        ('N4', '本年收入', 'term', 'income_by_source', 'fiscal_appropriation', 'amount', null),
        ('N4', '本年收入', 'term', 'income_by_source', 'higher_level_subsidy', 'amount', null),
        ('N4', '本年收入', 'term', 'income_by_source', 'business', 'amount', null),
        ('N4', '本年收入', 'term', 'income_by_source', 'operating', 'amount', null),
        ('N4', '本年收入', 'term', 'income_by_source', 'affiliated_remittance', 'amount', null),
        ('N4', '本年收入', 'term', 'income_by_source', 'other', 'amount', null),
        ('N6', '本年支出', 'total', 'expenditure_by_nature', 'total', 'amount', null),
        ('N6', '本年支出', 'term', 'expenditure_by_nature', 'basic', 'amount', null),
        ('N6', '本年支出', 'term', 'expenditure_by_nature', 'project', 'amount', null),
        ('N6', '本年支出', 'term', 'expenditure_by_nature', 'remittance_to_higher', 'amount', null),
        ('N6', '本年支出', 'term', 'expenditure_by_nature', 'operating', 'amount', null),
        ('N6', '本年支出', 'term', 'expenditure_by_nature', 'subsidy_to_affiliates', 'amount', null),
        ('N9', '财政拨款收入总计', 'total', 'fiscal_appropriation', 'fiscal_appropriation', 'income_total', null),
        ('N9', '财政拨款收入总计', 'term', 'fiscal_appropriation', 'fiscal_appropriation', 'beginning_balance', null),
        ('N9', '财政拨款收入总计', 'term', 'fiscal_appropriation', 'fiscal_appropriation', 'current_year_income', null),
        ('N9', '财政拨款支出总计', 'total', 'fiscal_appropriation', 'fiscal_appropriation', 'expenditure_total', null),
        ('N9', '财政拨款支出总计', 'term', 'fiscal_appropriation', 'fiscal_appropriation', 'ending_balance', null),
        ('N9', '财政拨款支出总计', 'term', 'fiscal_appropriation', 'fiscal_appropriation', 'current_year_expenditure', null),
        ('N9', '财政拨款收入总计 = 支出总计', 'total', 'fiscal_appropriation', 'fiscal_appropriation', 'income_total', null),
        ('N9', '财政拨款收入总计 = 支出总计', 'term', 'fiscal_appropriation', 'fiscal_appropriation', 'expenditure_total', null),
        ('N10', '本年财政拨款收入', 'total', 'fiscal_appropriation', 'fiscal_appropriation', 'current_year_income', null),
        ('N10', '本年财政拨款收入', 'term', 'income_by_source', 'fiscal_appropriation', 'amount', null),
        ('N12', '本年财政拨款支出', 'total', 'fiscal_appropriation', 'fiscal_appropriation', 'current_year_expenditure', null),
        ('N12', '本年财政拨款支出', 'term', 'fiscal_appropriation', 'general_public_budget', 'current_year_expenditure', null),
        ('N12', '本年财政拨款支出', 'term', 'fiscal_appropriation', 'government_fund_budget', 'current_year_expenditure', null),
        ('N12', '本年财政拨款支出', 'term', 'fiscal_appropriation', 'state_capital_operating_budget', 'current_year_expenditure', null),
        ('N13', 'Σ 类', 'total', 'fiscal_appropriation', 'general_public_budget', 'current_year_expenditure', null),
        ('N13', 'Σ 类', 'term', 'functional_class', '*', 'amount', '一般公共预算'),
        ('N13', 'Σ 项', 'total', 'fiscal_appropriation', 'general_public_budget', 'current_year_expenditure', null),
        ('N13', 'Σ 项', 'term', 'functional_item', '*', 'amount', '一般公共预算'),
        ('N18', '基本支出', 'total', 'basic_expenditure', 'total', 'amount', null),
        ('N18', '基本支出', 'term', 'basic_expenditure', 'personnel', 'amount', null),
        ('N18', '基本支出', 'term', 'basic_expenditure', 'public_funds', 'amount', null),
        ('N19', '公用经费', 'total', 'basic_expenditure', 'public_funds', 'amount', null),
        ('N19', '公用经费', 'term', 'public_funds_operating', 'agency_operating', 'amount', null),
        ('N19', '公用经费', 'term', 'public_funds_operating', 'institution_public_funds', 'amount', null),
        ('N20', '"三公"经费', 'total', 'three_public_expenses', 'total', 'amount', null),
        ('N20', '"三公"经费', 'term', 'three_public_expenses', 'outbound_travel', 'amount', null),
        ('N20', '"三公"经费', 'term', 'three_public_expenses', 'official_vehicles', 'amount', null),
        ('N20', '"三公"经费', 'term', 'three_public_expenses', 'official_reception', 'amount', null),
        ('N20', '公务用车购置及运行维护费', 'total', 'three_public_expenses', 'official_vehicles', 'amount', null),
        ('N20', '公务用车购置及运行维护费', 'term', 'three_public_expenses', 'vehicle_purchase', 'amount', null),
        ('N20', '公务用车购置及运行维护费', 'term', 'three_public_expenses', 'vehicle_operation', 'amount', null),
        ('N20', '"三公"经费全年预算数', 'total', 'three_public_expenses', 'total', 'budget', null),
        ('N20', '"三公"经费全年预算数', 'term', 'three_public_expenses', 'outbound_travel', 'budget', null),
        ('N20', '"三公"经费全年预算数', 'term', 'three_public_expenses', 'vehicle_purchase', 'budget', null),
        ('N20', '"三公"经费全年预算数', 'term', 'three_public_expenses', 'vehicle_operation', 'budget', null),
        ('N20', '"三公"经费全年预算数', 'term', 'three_public_expenses', 'official_reception', 'budget', null),
        ('N20', '"三公"经费决算数', 'total', 'three_public_expenses', 'total', 'final', null),
        ('N20', '"三公"经费决算数', 'term', 'three_public_expenses', 'outbound_travel', 'final', null),
        ('N20', '"三公"经费决算数', 'term', 'three_public_expenses', 'vehicle_purchase', 'final', null),
        ('N20', '"三公"经费决算数', 'term', 'three_public_expenses', 'vehicle_operation', 'final', null),
        ('N20', '"三公"经费决算数', 'term', 'three_public_expenses', 'official_reception', 'final', null),
        ('N20', '"三公"经费决算数 = 支出', 'total', 'three_public_expenses', 'total', 'final', null),
        ('N20', '"三公"经费决算数 = 支出', 'term', 'three_public_expenses', 'total', 'amount', null),
        ('N21', '政府采购支出总额', 'total', 'procurement', 'total', 'amount', null),
        ('N21', '政府采购支出总额', 'term', 'procurement', 'goods', 'amount', null),
        ('N21', '政府采购支出总额', 'term', 'procurement', 'works', 'amount', null),
        ('N21', '政府采购支出总额', 'term', 'procurement', 'services', 'amount', null),
        ('N22', '车辆', 'total', 'state_assets', 'vehicles', 'count', null),
        ('N22', '车辆', 'term', 'state_assets', 'vehicle_vice_ministerial', 'count', null),
        ('N22', '车辆', 'term', 'state_assets', 'vehicle_principal_officials', 'count', null),
        ('N22', '车辆', 'term', 'state_assets', 'vehicle_confidential_communication', 'count', null),
        ('N22', '车辆', 'term', 'state_assets', 'vehicle_emergency_support', 'count', null),
        ('N22', '车辆', 'term', 'state_assets', 'vehicle_law_enforcement', 'count', null),
        ('N22', '车辆', 'term', 'state_assets', 'vehicle_special_technical', 'count', null),
        ('N22', '车辆', 'term', 'state_assets', 'vehicle_retired_cadre_service', 'count', null),
        ('N22', '车辆', 'term', 'state_assets', 'vehicle_other', 'count', null),
        ('N22', '实有人数', 'total', 'staff', 'total', 'count', null),
        ('N22', '实有人数', 'term', 'staff', 'serving', 'count', null),
        ('N22', '实有人数', 'term', 'staff', 'retired_veteran', 'count', null),
        ('N22', '实有人数', 'term', 'staff', 'retired', 'count', null),
        ('N23', '国有资本经营预算收入总计', 'total', 'fiscal_appropriation', 'state_capital_operating_budget', 'income_total', null),
        ('N23', '国有资本经营预算收入总计', 'term', 'fiscal_appropriation', 'state_capital_operating_budget', 'beginning_balance', null),
        ('N23', '国有资本经营预算收入总计', 'term', 'fiscal_appropriation', 'state_capital_operating_budget', 'current_year_income', null),
        ('N23', '国有资本经营预算支出总计', 'total', 'fiscal_appropriation', 'state_capital_operating_budget', 'expenditure_total', null),
        ('N23', '国有资本经营预算支出总计', 'term', 'fiscal_appropriation', 'state_capital_operating_budget', 'ending_balance', null),
        ('N23', '国有资本经营预算支出总计', 'term', 'fiscal_appropriation', 'state_capital_operating_budget', 'current_year_expenditure', null),
        ('N23', '国有资本经营预算收入总计 = 支出总计', 'total', 'fiscal_appropriation', 'state_capital_operating_budget', 'income_total', null),
        ('N23', '国有资本经营预算收入总计 = 支出总计', 'term', 'fiscal_appropriation', 'state_capital_operating_budget', 'expenditure_total', null),
        ('N23', '国有资本经营预算本年支出 = Σ 项', 'total', 'fiscal_appropriation', 'state_capital_operating_budget', 'current_year_expenditure', null),
        ('N23', '国有资本经营预算本年支出 = Σ 项', 'term', 'functional_item', '*', 'amount', '国有资本经营预算'),
        -- P8, narrative side: the overall self-evaluation table of 十一 budgets the department's
        -- 收入总计 and executes its 本年支出合计
        ('P8', '十一 全年预算总额 = 收入总计', 'total', 'performance_evaluation', 'overall_self_evaluation', 'budget', null),
        ('P8', '十一 全年预算总额 = 收入总计', 'term', 'income_expenditure_summary', 'summary', 'income_total', null),
        ('P8', '十一 实际执行总额 = 本年支出合计', 'total', 'performance_evaluation', 'overall_self_evaluation', 'executed', null),
        ('P8', '十一 实际执行总额 = 本年支出合计', 'term', 'income_expenditure_summary', 'summary', 'current_year_expenditure', null)

),

-- N14: each 类 total of 五(二) = Σ of its 项 in 五(三), one instance per 类 the document prints.
class_definitions as (

    select distinct
        inputs.document_id,
        'N14' as identity_id,
        inputs.class_name as instance,
        side.side,
        case side.side when 'total' then 'functional_class' else 'functional_item' end as theme,
        '*' as component_code,
        'amount' as role,
        '一般公共预算' as budget_type
    from inputs
    cross join (values ('total'), ('term')) as side (side)
    where inputs.theme = 'functional_class'

),

expected as (

    select documents.document_id, definitions.*, cast(null as varchar) as class_name
    from documents
    cross join definitions
    union all by name
    select *, instance as class_name from class_definitions

),

matched as (

    select
        expected.*,
        inputs.line_item,
        inputs.value,
        inputs.rounding_radius,
        inputs.source_line
    from expected
    left join inputs
        on expected.document_id = inputs.document_id
        and expected.theme = inputs.theme
        and expected.role = inputs.role
        and (
            expected.component_code = inputs.component_code
            or (
                expected.component_code = '*'
                and (expected.budget_type is null or expected.budget_type = inputs.budget_type)
                and (expected.class_name is null or expected.class_name = inputs.class_name)
            )
        )

),

aggregated as (

    select
        identity_id,
        document_id,
        instance,
        sum(value) filter (where side = 'total') as left_value,
        sum(value) filter (where side = 'term') as right_value,
        sum(rounding_radius) as envelope,
        count(value) filter (where side = 'term') as term_count,
        -- terms printed on one line keep a fixed order
        string_agg(line_item, ' + ' order by source_line, theme, component_code, role)
            filter (where side = 'term') as right_label,
        string_agg(line_item, ' ' order by source_line, theme, component_code, role)
            filter (where side = 'total') as left_label,
        string_agg(
            theme || '.' || component_code || '.' || role, ', ' order by theme, component_code, role
        ) filter (where value is null) as missing_inputs,
        array_to_string(list_sort(list_distinct(list(source_line))), ',') as source_lines
    from matched
    group by identity_id, document_id, instance

),

-- D1: a figure the document prints twice (a "三公" amount in the overview and again under
-- 具体情况如下) must be printed the same both times: no envelope, the same printed number.
repeated_printings as (

    select
        'D1' as identity_id,
        later.document_id,
        later.line_item || ' (' || later.role || ', lines ' || first.source_line || ' and '
            || later.source_line || ')' as instance,
        'sum' as check_kind,
        first.line_item as left_label,
        later.line_item as right_label,
        first.value::decimal(18, 3) as left_value,
        later.value::decimal(18, 3) as right_value,
        (first.value - later.value)::decimal(18, 6) as difference,
        cast(0 as decimal(18, 6)) as envelope,
        case when first.value = later.value then 'pass' else 'fail' end as outcome,
        cast(null as varchar) as not_evaluable_reason,
        first.source_line || ',' || later.source_line as source_lines
    from figures_by_role as later
    inner join figures_by_role as first
        on later.document_id = first.document_id
        and later.theme = first.theme
        and later.component_code = first.component_code
        and later.role = first.role
        and first.occurrence_no = 1
    where later.occurrence_no > 1

),

evaluated as (

    select
{{ sum_check_columns('not disclosed') }}

    from aggregated

),

final as (

    select * from evaluated
    union all by name
    select * from repeated_printings

)

select * from final
