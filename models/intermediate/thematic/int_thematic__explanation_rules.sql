-- How an explanation (reason, spending content, statement …) attaches to a thematic component.
-- An explanation takes the rule whose section_code equals its own and whose patterns (SQL `like`)
-- match its subject (an empty subject counts as '') and explanation_kind; the lowest
-- rule_priority wins. role_override names the role; null means the explanation_kind itself
-- (change_reason, budget_variance_reason, spending_content, statement, …).

with

rules as (

    select *
    from (
        values
            -- section, subject pattern, kind pattern, theme, component, role override, priority
            ('2.一', '收入支出总体', '%', 'income_expenditure_summary', 'summary', null, 1),
            ('2.四', '%收入支出总体', '%', 'fiscal_appropriation', 'fiscal_appropriation', null, 1),
            ('2.五(一)', '一般公共预算财政拨款支出', '%', 'fiscal_appropriation', 'general_public_budget', null, 1),
            -- 七: the figure-less statement (e.g. 无政府性基金…为空表) has no subject
            ('2.七', '%', '%', 'fiscal_appropriation', 'government_fund_budget', null, 1),
            ('2.八', '%收入支出', '%', 'fiscal_appropriation', 'state_capital_operating_budget', null, 1),

            ('2.九', '%三公%', '%', 'three_public_expenses', 'total', null, 1),
            ('2.九', '因公出国(境)费%', '%', 'three_public_expenses', 'outbound_travel', null, 1),
            ('2.九', '公务用车购置及运行维护费%', '%', 'three_public_expenses', 'official_vehicles', null, 1),
            ('2.九', '公务用车购置费%', '%', 'three_public_expenses', 'vehicle_purchase', null, 1),
            ('2.九', '公务用车运行维护费%', '%', 'three_public_expenses', 'vehicle_operation', null, 1),
            ('2.九', '%固定资产车辆', 'difference_reason', 'three_public_expenses', 'vehicle_operation', 'vehicle_count_difference_reason', 1),
            ('2.九', '公务接待费%', '%', 'three_public_expenses', 'official_reception', null, 1),

            ('2.十(一)', '%机关运行经费%', '%', 'public_funds_operating', 'agency_operating', null, 1),
            ('2.十(一)', '%公用经费%', '%', 'public_funds_operating', 'institution_public_funds', null, 1),

            ('2.十(三)', '其他用车', 'description', 'state_assets', 'vehicle_other', null, 1),

            ('1.二', '%科室%', 'enumeration', 'organisation', 'internal_offices', null, 1)
    ) as rules (
        section_code,
        subject_pattern,
        kind_pattern,
        theme,
        component_code,
        role_override,
        rule_priority
    )

),

final as (

    select
        ----------  ids
        {{ natural_key(['section_code', 'subject_pattern', 'kind_pattern']) }} as explanation_rule_id,
        {{ natural_key(['theme', 'component_code']) }} as component_key,

        ----------  patterns
        cast(section_code as varchar) as section_code,
        cast(subject_pattern as varchar) as subject_pattern,
        cast(kind_pattern as varchar) as kind_pattern,

        ----------  targets
        cast(theme as varchar) as theme,
        cast(component_code as varchar) as component_code,
        cast(role_override as varchar) as role_override,
        cast(rule_priority as integer) as rule_priority

    from rules

)

select * from final
