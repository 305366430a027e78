-- The percentage identities of DOMAIN.md §5, one row per identity × document × instance,
-- tested by interval arithmetic: a share (X = part, Y = whole), a
-- change percent against last year (X = this year's amount, Y = the change, so last year is
-- X − Y), a budget variance rate 预决算差异率 (X = budget, Y = final).

with

inputs as (

    select * from {{ ref('int_audit__identity_inputs') }}

),

documents as (

    select document_id from {{ ref('stg_narrative__documents') }}

),

-- kind: share | change | variance. x/y/printed name (component_code, role) within theme.
definitions (
    identity_id, instance, kind, theme, x_component, x_role, y_component, y_role,
    printed_component, printed_role
) as (

    values
        ('N5', '财政拨款收入', 'share', 'income_by_source', 'fiscal_appropriation', 'amount', 'total', 'amount', 'fiscal_appropriation', 'share_pct'),
        ('N5', '上级补助收入', 'share', 'income_by_source', 'higher_level_subsidy', 'amount', 'total', 'amount', 'higher_level_subsidy', 'share_pct'),
        ('N5', '事业收入', 'share', 'income_by_source', 'business', 'amount', 'total', 'amount', 'business', 'share_pct'),
        ('N5', '经营收入', 'share', 'income_by_source', 'operating', 'amount', 'total', 'amount', 'operating', 'share_pct'),
        ('N5', '附属单位上缴收入', 'share', 'income_by_source', 'affiliated_remittance', 'amount', 'total', 'amount', 'affiliated_remittance', 'share_pct'),
        ('N5', '其他收入', 'share', 'income_by_source', 'other', 'amount', 'total', 'amount', 'other', 'share_pct'),
        ('N7', '基本支出', 'share', 'expenditure_by_nature', 'basic', 'amount', 'total', 'amount', 'basic', 'share_pct'),
        ('N7', '项目支出', 'share', 'expenditure_by_nature', 'project', 'amount', 'total', 'amount', 'project', 'share_pct'),
        ('N7', '上缴上级支出', 'share', 'expenditure_by_nature', 'remittance_to_higher', 'amount', 'total', 'amount', 'remittance_to_higher', 'share_pct'),
        ('N7', '经营支出', 'share', 'expenditure_by_nature', 'operating', 'amount', 'total', 'amount', 'operating', 'share_pct'),
        ('N7', '对附属单位补助支出', 'share', 'expenditure_by_nature', 'subsidy_to_affiliates', 'amount', 'total', 'amount', 'subsidy_to_affiliates', 'share_pct'),
        ('N8', '收入支出总体', 'change', 'income_expenditure_summary', 'summary', 'income_total', 'summary', 'change', 'summary', 'change_pct'),
        ('N8', '财政拨款收入支出总体', 'change', 'fiscal_appropriation', 'fiscal_appropriation', 'income_total', 'fiscal_appropriation', 'change', 'fiscal_appropriation', 'change_pct'),
        ('N8', '一般公共预算财政拨款支出', 'change', 'fiscal_appropriation', 'general_public_budget', 'current_year_expenditure', 'general_public_budget', 'change', 'general_public_budget', 'change_pct'),
        ('N8', '机关运行经费', 'change', 'public_funds_operating', 'agency_operating', 'amount', 'agency_operating', 'change', 'agency_operating', 'change_pct'),
        ('N8', '事业单位公用经费', 'change', 'public_funds_operating', 'institution_public_funds', 'amount', 'institution_public_funds', 'change', 'institution_public_funds', 'change_pct'),
        ('N11', '财政拨款收入支出', 'variance', 'fiscal_appropriation', 'fiscal_appropriation', 'budget_initial', 'fiscal_appropriation', 'final', 'fiscal_appropriation', 'budget_variance_pct'),
        ('N11', '一般公共预算财政拨款支出', 'variance', 'fiscal_appropriation', 'general_public_budget', 'budget_initial', 'general_public_budget', 'final', 'general_public_budget', 'budget_variance_pct'),
        ('N17', '一般公共预算财政拨款支出占本年支出合计', 'share', 'fiscal_appropriation', 'general_public_budget', 'current_year_expenditure', '@income_expenditure_summary.summary', 'current_year_expenditure', 'general_public_budget', 'share_of_current_year_expenditure_pct'),
        ('N20', '因公出国(境)费 share', 'share', 'three_public_expenses', 'outbound_travel', 'amount', 'total', 'amount', 'outbound_travel', 'share_pct'),
        ('N20', '公务用车购置及运行维护费 share', 'share', 'three_public_expenses', 'official_vehicles', 'amount', 'total', 'amount', 'official_vehicles', 'share_pct'),
        ('N20', '公务接待费 share', 'share', 'three_public_expenses', 'official_reception', 'amount', 'total', 'amount', 'official_reception', 'share_pct'),
        ('N20', '"三公"经费 change', 'change', 'three_public_expenses', 'total', 'amount', 'total', 'change', 'total', 'change_pct'),
        ('N20', '因公出国(境)费 change', 'change', 'three_public_expenses', 'outbound_travel', 'amount', 'outbound_travel', 'change', 'outbound_travel', 'change_pct'),
        ('N20', '公务用车购置及运行维护费 change', 'change', 'three_public_expenses', 'official_vehicles', 'amount', 'official_vehicles', 'change', 'official_vehicles', 'change_pct'),
        ('N20', '公务接待费 change', 'change', 'three_public_expenses', 'official_reception', 'amount', 'official_reception', 'change', 'official_reception', 'change_pct'),
        ('N20', '"三公"经费 预决算差异率', 'variance', 'three_public_expenses', 'total', 'budget', 'total', 'final', 'total', 'budget_variance_pct'),
        ('N20', '因公出国(境)费 预决算差异率', 'variance', 'three_public_expenses', 'outbound_travel', 'budget', 'outbound_travel', 'final', 'outbound_travel', 'budget_variance_pct'),
        ('N20', '公务用车购置费 预决算差异率', 'variance', 'three_public_expenses', 'vehicle_purchase', 'budget', 'vehicle_purchase', 'final', 'vehicle_purchase', 'budget_variance_pct'),
        ('N20', '公务用车运行维护费 预决算差异率', 'variance', 'three_public_expenses', 'vehicle_operation', 'budget', 'vehicle_operation', 'final', 'vehicle_operation', 'budget_variance_pct'),
        ('N20', '公务接待费 预决算差异率', 'variance', 'three_public_expenses', 'official_reception', 'budget', 'official_reception', 'final', 'official_reception', 'budget_variance_pct'),
        ('N21', '授予中小企业合同 share', 'share', 'procurement', 'sme_contracts', 'amount', 'total', 'amount', 'sme_contracts', 'share_pct'),
        ('N21', '授予小微企业合同 share', 'share', 'procurement', 'micro_small_contracts', 'amount', 'total', 'amount', 'micro_small_contracts', 'share_pct'),
        ('N23', '国有资本经营预算 change', 'change', 'fiscal_appropriation', 'state_capital_operating_budget', 'income_total', 'state_capital_operating_budget', 'change', 'state_capital_operating_budget', 'change_pct'),
        ('N23', '国有资本经营预算 预决算差异率', 'variance', 'fiscal_appropriation', 'state_capital_operating_budget', 'budget_initial', 'state_capital_operating_budget', 'final', 'state_capital_operating_budget', 'budget_variance_pct')

),

static_checks as (

    select
        definitions.identity_id,
        documents.document_id,
        definitions.instance,
        definitions.kind,
        x.value as x_value, x.rounding_radius as x_radius, x.source_line as x_line,
        y.value as y_value, y.rounding_radius as y_radius, y.source_line as y_line,
        printed.value as printed_value, printed.decimals as printed_decimals,
        printed.source_line as printed_line,
        concat_ws(', ',
            case when x.value is null then definitions.x_component || '.' || definitions.x_role end,
            case when y.value is null then definitions.y_component || '.' || definitions.y_role end,
            case when printed.value is null
                then definitions.printed_component || '.' || definitions.printed_role end
        ) as missing_inputs
    from definitions
    cross join documents
    left join inputs as x
        on x.document_id = documents.document_id
        and x.theme = definitions.theme
        and x.component_code = definitions.x_component
        and x.role = definitions.x_role
    -- a y component written '@theme.component' is taken from another theme
    left join inputs as y
        on y.document_id = documents.document_id
        and y.theme = case when definitions.y_component like '@%'
            then split_part(substr(definitions.y_component, 2), '.', 1) else definitions.theme end
        and y.component_code = case when definitions.y_component like '@%'
            then split_part(definitions.y_component, '.', 2) else definitions.y_component end
        and y.role = definitions.y_role
    left join inputs as printed
        on printed.document_id = documents.document_id
        and printed.theme = definitions.theme
        and printed.component_code = definitions.printed_component
        and printed.role = definitions.printed_role

),

-- Per 类/款/项 item: N16 its change percent. Per 类: N15 its share of the 一般公共预算 total.
item_checks as (

    select
        case amount.budget_type when '一般公共预算' then 'N16' else 'N23' end as identity_id,
        amount.document_id,
        amount.component_code as instance,
        'change' as kind,
        amount.value as x_value, amount.rounding_radius as x_radius, amount.source_line as x_line,
        change.value as y_value, change.rounding_radius as y_radius, change.source_line as y_line,
        pct.value as printed_value, pct.decimals as printed_decimals, pct.source_line as printed_line,
        concat_ws(', ',
            case when change.value is null then 'change' end,
            case when pct.value is null then 'change_pct' end
        ) as missing_inputs
    from inputs as amount
    left join inputs as change
        on change.document_id = amount.document_id and change.theme = amount.theme
        and change.component_code = amount.component_code and change.role = 'change'
    left join inputs as pct
        on pct.document_id = amount.document_id and pct.theme = amount.theme
        and pct.component_code = amount.component_code and pct.role = 'change_pct'
    where amount.theme = 'functional_item' and amount.role = 'amount'

),

class_share_checks as (

    select
        'N15' as identity_id,
        class.document_id,
        class.class_name as instance,
        'share' as kind,
        class.value as x_value, class.rounding_radius as x_radius, class.source_line as x_line,
        total.value as y_value, total.rounding_radius as y_radius, total.source_line as y_line,
        share.value as printed_value, share.decimals as printed_decimals,
        share.source_line as printed_line,
        concat_ws(', ',
            case when total.value is null then 'general_public_budget.current_year_expenditure' end,
            case when share.value is null then 'share_pct' end
        ) as missing_inputs
    from inputs as class
    left join inputs as total
        on total.document_id = class.document_id and total.theme = 'fiscal_appropriation'
        and total.component_code = 'general_public_budget'
        and total.role = 'current_year_expenditure'
    left join inputs as share
        on share.document_id = class.document_id and share.theme = class.theme
        and share.component_code = class.component_code and share.role = 'share_pct'
    where class.theme = 'functional_class' and class.role = 'amount'

),

checks as (

    select * from static_checks
    union all
    select * from item_checks
    union all
    select * from class_share_checks

),

-- Interval arithmetic: x and y stand anywhere in [x ± radius], [y ± radius]. The ratio is
-- monotone in each input, so its range is spanned by the four corners of that box; the
-- identity holds when the range meets [printed ± half a unit of its last digit]. Outcomes are
-- decided by cross-multiplying (exact DECIMAL); division (hugeint, exact_ratio_pct) only
-- reports the expected value and the envelope.
corners as (

    select
        checks.*,
        cast(x_value + corner.x_sign * x_radius as decimal(38, 6)) as corner_x,
        cast(y_value + corner.y_sign * y_radius as decimal(38, 6)) as corner_y
    from checks
    cross join (values (-1, -1), (-1, 1), (1, -1), (1, 1)) as corner (x_sign, y_sign)

),

corner_ratios as (

    select
        *,
        {{ ratio_terms('kind', 'corner_x', 'corner_y') }},
        cast(printed_value as decimal(38, 6)) + {{ half_unit('printed_decimals') }} as upper,
        cast(printed_value as decimal(38, 6)) - {{ half_unit('printed_decimals') }} as lower
    from corners

),

evaluated as (

    select
        identity_id,
        document_id,
        instance,
        kind,
        any_value(x_value) as x_value,
        any_value(y_value) as y_value,
        any_value(printed_value) as printed_value,
        any_value(printed_decimals) as printed_decimals,
        any_value(missing_inputs) as missing_inputs,
        array_to_string(list_sort(list_distinct(
            list_filter(
                flatten(list([x_line, y_line, printed_line])), line -> line is not null
            )
        )), ',') as source_lines,
{{ ratio_corners('numerator', 'denominator') }}
    from corner_ratios
    group by identity_id, document_id, instance, kind

),

nominal as (

    select
        *,
        {{ ratio_terms('kind', 'cast(x_value as decimal(38, 6))', 'cast(y_value as decimal(38, 6))') }},
        cast(printed_value as decimal(38, 6)) + {{ half_unit('printed_decimals') }} as upper,
        cast(printed_value as decimal(38, 6)) - {{ half_unit('printed_decimals') }} as lower
    from evaluated

),

judged as (

    select
        *,
        {{ exact_ratio_pct('numerator', 'denominator') }} as expected_value,
        case
            when missing_inputs <> '' then 'not disclosed: ' || missing_inputs
            when has_pole then 'the denominator is zero within rounding: the percentage is undefined'
        end as not_evaluable_reason
    from nominal

),

final as (

    select
        ----------  keys
        identity_id,
        document_id,
        instance,

        ----------  the two sides
        'ratio' as check_kind,
        'printed ' || kind || ' %' as left_label,
        case kind
            when 'share' then 'X / Y'
            when 'change' then 'Y / (X − Y)'
            when 'variance' then '(Y − X) / X'
        end || ' × 100 with X = ' || coalesce(cast(x_value as varchar), '?')
            || ', Y = ' || coalesce(cast(y_value as varchar), '?') as right_label,
{{ ratio_check_columns('printed_value', 'printed_decimals', 'numerator', 'denominator') }},
        not_evaluable_reason,

        ----------  lineage
        source_lines

    from judged

)

select * from final
