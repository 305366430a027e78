-- How a disclosed figure becomes a thematic measure. A figure takes the rule whose section_code
-- equals its own and whose patterns (SQL `like`, `%` = any text) match its line_item, measure and
-- unit; when several match, the lowest rule_priority wins (a specific rule is 1, a catch-all 2).
-- role_override names the role; null means the measure's standard role (see
-- int_thematic__figures_by_role: amount → amount, change_amount → change, budget_amount →
-- budget, value_amount → value, …).

with

rules as (

    select *
    from (
        values
            -- section, line_item pattern, measure pattern, unit pattern, theme, component, role override, priority

            -- 第二部分 一 收入支出决算总体 (line 96-100)
            ('2.一', '收入总计', 'amount', '%', 'income_expenditure_summary', 'summary', 'income_total', 1),
            ('2.一', '本年收入合计', 'amount', '%', 'income_expenditure_summary', 'summary', 'current_year_income', 1),
            ('2.一', '使用非财政拨款结余%', 'amount', '%', 'income_expenditure_summary', 'summary', 'non_fiscal_balance_used', 1),
            ('2.一', '年初结转和结余', 'amount', '%', 'income_expenditure_summary', 'summary', 'beginning_balance', 1),
            ('2.一', '支出总计', 'amount', '%', 'income_expenditure_summary', 'summary', 'expenditure_total', 1),
            ('2.一', '本年支出合计', 'amount', '%', 'income_expenditure_summary', 'summary', 'current_year_expenditure', 1),
            ('2.一', '结余分配', 'amount', '%', 'income_expenditure_summary', 'summary', 'surplus_distribution', 1),
            ('2.一', '年末结转和结余', 'amount', '%', 'income_expenditure_summary', 'summary', 'ending_balance', 1),
            ('2.一', '收入支出总体', 'change%', '%', 'income_expenditure_summary', 'summary', null, 1),

            -- 第二部分 二 收入 by source
            ('2.二', '本年收入%', '%', '%', 'income_by_source', 'total', null, 1),
            ('2.二', '财政拨款收入', '%', '%', 'income_by_source', 'fiscal_appropriation', null, 1),
            ('2.二', '上级补助收入', '%', '%', 'income_by_source', 'higher_level_subsidy', null, 1),
            ('2.二', '事业收入', '%', '%', 'income_by_source', 'business', null, 1),
            ('2.二', '经营收入', '%', '%', 'income_by_source', 'operating', null, 1),
            ('2.二', '附属单位上缴收入', '%', '%', 'income_by_source', 'affiliated_remittance', null, 1),
            ('2.二', '其他收入', '%', '%', 'income_by_source', 'other', null, 1),

            -- 第二部分 三 支出 by nature
            ('2.三', '本年支出%', '%', '%', 'expenditure_by_nature', 'total', null, 1),
            ('2.三', '基本支出', '%', '%', 'expenditure_by_nature', 'basic', null, 1),
            ('2.三', '项目支出', '%', '%', 'expenditure_by_nature', 'project', null, 1),
            ('2.三', '上缴上级支出', '%', '%', 'expenditure_by_nature', 'remittance_to_higher', null, 1),
            ('2.三', '经营支出', '%', '%', 'expenditure_by_nature', 'operating', null, 1),
            ('2.三', '对附属单位补助支出', '%', '%', 'expenditure_by_nature', 'subsidy_to_affiliates', null, 1),

            -- 第二部分 四 财政拨款收入支出 (all scopes)
            ('2.四', '%财政拨款收入总计', 'amount', '%', 'fiscal_appropriation', 'fiscal_appropriation', 'income_total', 1),
            ('2.四', '年初%结转和结余', 'amount', '%', 'fiscal_appropriation', 'fiscal_appropriation', 'beginning_balance', 1),
            ('2.四', '本年财政拨款收入', 'amount', '%', 'fiscal_appropriation', 'fiscal_appropriation', 'current_year_income', 1),
            ('2.四', '%财政拨款支出总计', 'amount', '%', 'fiscal_appropriation', 'fiscal_appropriation', 'expenditure_total', 1),
            ('2.四', '年末%结转和结余', 'amount', '%', 'fiscal_appropriation', 'fiscal_appropriation', 'ending_balance', 1),
            ('2.四', '本年财政拨款支出', 'amount', '%', 'fiscal_appropriation', 'fiscal_appropriation', 'current_year_expenditure', 1),
            ('2.四', '%收入支出总体', '%', '%', 'fiscal_appropriation', 'fiscal_appropriation', null, 1),

            -- 第二部分 五(一) 一般公共预算财政拨款支出
            ('2.五(一)', '一般公共预算财政拨款支出', 'amount', '%', 'fiscal_appropriation', 'general_public_budget', 'current_year_expenditure', 1),
            ('2.五(一)', '一般公共预算财政拨款支出', 'share_pct', '%', 'fiscal_appropriation', 'general_public_budget', 'share_of_current_year_expenditure_pct', 1),
            ('2.五(一)', '一般公共预算财政拨款支出', '%', '%', 'fiscal_appropriation', 'general_public_budget', null, 2),

            -- 第二部分 七 政府性基金预算 (when a document prints figures; this one has an empty-table statement)
            ('2.七', '%收入总计', 'amount', '%', 'fiscal_appropriation', 'government_fund_budget', 'income_total', 1),
            ('2.七', '年初%结转和结余', 'amount', '%', 'fiscal_appropriation', 'government_fund_budget', 'beginning_balance', 1),
            ('2.七', '本年收入', 'amount', '%', 'fiscal_appropriation', 'government_fund_budget', 'current_year_income', 1),
            ('2.七', '%支出总计', 'amount', '%', 'fiscal_appropriation', 'government_fund_budget', 'expenditure_total', 1),
            ('2.七', '年末%结转和结余', 'amount', '%', 'fiscal_appropriation', 'government_fund_budget', 'ending_balance', 1),
            ('2.七', '本年支出', 'amount', '%', 'fiscal_appropriation', 'government_fund_budget', 'current_year_expenditure', 1),
            ('2.七', '%预算财政拨款支出', 'amount', '%', 'fiscal_appropriation', 'government_fund_budget', 'current_year_expenditure', 1),
            ('2.七', '%收入支出', '%', '%', 'fiscal_appropriation', 'government_fund_budget', null, 1),

            -- 第二部分 八 国有资本经营预算 (totals line 192, change and budget line 194, expenditure line 196;
            -- the 类/款/项 clause of line 198 belongs to fct_functional_expenditure)
            ('2.八', '%收入总计', 'amount', '%', 'fiscal_appropriation', 'state_capital_operating_budget', 'income_total', 1),
            ('2.八', '年初%结转和结余', 'amount', '%', 'fiscal_appropriation', 'state_capital_operating_budget', 'beginning_balance', 1),
            ('2.八', '本年收入', 'amount', '%', 'fiscal_appropriation', 'state_capital_operating_budget', 'current_year_income', 1),
            ('2.八', '%支出总计', 'amount', '%', 'fiscal_appropriation', 'state_capital_operating_budget', 'expenditure_total', 1),
            ('2.八', '年末%结转和结余', 'amount', '%', 'fiscal_appropriation', 'state_capital_operating_budget', 'ending_balance', 1),
            ('2.八', '本年支出', 'amount', '%', 'fiscal_appropriation', 'state_capital_operating_budget', 'current_year_expenditure', 1),
            ('2.八', '%预算财政拨款支出', 'amount', '%', 'fiscal_appropriation', 'state_capital_operating_budget', 'current_year_expenditure', 1),
            ('2.八', '%收入支出', '%', '%', 'fiscal_appropriation', 'state_capital_operating_budget', null, 1),

            -- 第二部分 六 一般公共预算财政拨款基本支出
            ('2.六', '%基本支出', '%', '%', 'basic_expenditure', 'total', null, 1),
            ('2.六', '人员经费', '%', '%', 'basic_expenditure', 'personnel', null, 1),
            ('2.六', '公用经费', '%', '%', 'basic_expenditure', 'public_funds', null, 1),

            -- 第二部分 九 "三公"经费: overview (line 202), 具体情况 (206-212), budget vs final (214)
            ('2.九', '%三公%', '%', '%', 'three_public_expenses', 'total', null, 1),
            ('2.九', '因公出国(境)费%', '%', '%', 'three_public_expenses', 'outbound_travel', null, 1),
            ('2.九', '%团组%', 'count', '个', 'three_public_expenses', 'outbound_travel', 'outbound_group_count', 1),
            ('2.九', '%因公出国(境)%', 'count', '人次', 'three_public_expenses', 'outbound_travel', 'outbound_person_trip_count', 1),
            ('2.九', '公务用车购置及运行维护费%', '%', '%', 'three_public_expenses', 'official_vehicles', null, 1),
            ('2.九', '公务用车购置费%', '%', '%', 'three_public_expenses', 'vehicle_purchase', null, 1),
            ('2.九', '公务用车购置数', 'count', '%', 'three_public_expenses', 'vehicle_purchase', 'vehicles_purchased_count', 1),
            ('2.九', '公务用车运行维护费%', '%', '%', 'three_public_expenses', 'vehicle_operation', null, 1),
            ('2.九', '公务用车保有量', 'count', '%', 'three_public_expenses', 'vehicle_operation', 'vehicles_held_count', 1),
            ('2.九', '%固定资产车辆', 'count', '%', 'three_public_expenses', 'vehicle_operation', 'fixed_asset_vehicle_count', 1),
            ('2.九', '公务接待费%', '%', '%', 'three_public_expenses', 'official_reception', null, 1),
            ('2.九', '%公务接待', 'count', '批次', 'three_public_expenses', 'official_reception', 'reception_batch_count', 1),
            ('2.九', '%公务接待', 'count', '人次', 'three_public_expenses', 'official_reception', 'reception_person_count', 1),

            -- 第二部分 十(一) 机关运行经费 (行政单位和参公事业单位) and 公用经费 (事业单位)
            ('2.十(一)', '%机关运行经费%', '%', '%', 'public_funds_operating', 'agency_operating', null, 1),
            ('2.十(一)', '%公用经费%', '%', '%', 'public_funds_operating', 'institution_public_funds', null, 1),

            -- 第二部分 十(二) 政府采购
            ('2.十(二)', '政府采购支出总额', '%', '%', 'procurement', 'total', null, 1),
            ('2.十(二)', '%货物%', '%', '%', 'procurement', 'goods', null, 1),
            ('2.十(二)', '%工程%', '%', '%', 'procurement', 'works', null, 1),
            ('2.十(二)', '%服务%', '%', '%', 'procurement', 'services', null, 1),
            ('2.十(二)', '%中小企业%', '%', '%', 'procurement', 'sme_contracts', null, 1),
            ('2.十(二)', '%小微企业%', '%', '%', 'procurement', 'micro_small_contracts', null, 1),

            -- 第二部分 十(三) 国有资产占用
            ('2.十(三)', '房屋%', '%', '%', 'state_assets', 'buildings', null, 1),
            ('2.十(三)', '车辆', '%', '%', 'state_assets', 'vehicles', null, 1),
            ('2.十(三)', '副部(省)级及以上领导用车', 'count', '%', 'state_assets', 'vehicle_vice_ministerial', null, 1),
            ('2.十(三)', '主要负责人用车', 'count', '%', 'state_assets', 'vehicle_principal_officials', null, 1),
            ('2.十(三)', '机要通信用车', 'count', '%', 'state_assets', 'vehicle_confidential_communication', null, 1),
            ('2.十(三)', '应急保障用车', 'count', '%', 'state_assets', 'vehicle_emergency_support', null, 1),
            ('2.十(三)', '执法执勤用车', 'count', '%', 'state_assets', 'vehicle_law_enforcement', null, 1),
            ('2.十(三)', '特种专业技术用车', 'count', '%', 'state_assets', 'vehicle_special_technical', null, 1),
            ('2.十(三)', '离退休干部服务用车', 'count', '%', 'state_assets', 'vehicle_retired_cadre_service', null, 1),
            ('2.十(三)', '其他用车', 'count', '%', 'state_assets', 'vehicle_other', null, 1),
            ('2.十(三)', '%设备%', 'count', '%', 'state_assets', 'equipment_over_1m', null, 1),

            -- 第一部分 二 人员情况 and 机构设置
            ('1.二', '实有人数', '%', '人', 'staff', 'total', null, 1),
            ('1.二', '在职人员', '%', '人', 'staff', 'serving', null, 1),
            ('1.二', '离休人员', '%', '人', 'staff', 'retired_veteran', null, 1),
            ('1.二', '退休人员', '%', '人', 'staff', 'retired', null, 1),
            ('1.二', '%科室%', 'count', '个', 'organisation', 'internal_offices', null, 1),

            -- 第二部分 十一 预算绩效 and 十二 其他需说明的事项
            ('2.十一', '%整体支出绩效自评表%', '%', '%', 'performance_evaluation', 'overall_self_evaluation', null, 1),
            ('2.十一', '%绩效评价项目%', '%', '%', 'performance_evaluation', 'project_self_evaluation', null, 1),
            ('2.十二', '%SM项目%', '%', '%', 'performance_evaluation', 'sm_project', null, 1)
    ) as rules (
        section_code,
        line_item_pattern,
        measure_pattern,
        unit_pattern,
        theme,
        component_code,
        role_override,
        rule_priority
    )

),

final as (

    select
        ----------  ids
        {{ natural_key(['section_code', 'line_item_pattern', 'measure_pattern', 'unit_pattern']) }} as figure_rule_id,
        {{ natural_key(['theme', 'component_code']) }} as component_key,

        ----------  patterns
        cast(section_code as varchar) as section_code,
        cast(line_item_pattern as varchar) as line_item_pattern,
        cast(measure_pattern as varchar) as measure_pattern,
        cast(unit_pattern as varchar) as unit_pattern,

        ----------  targets
        cast(theme as varchar) as theme,
        cast(component_code as varchar) as component_code,
        cast(role_override as varchar) as role_override,
        cast(rule_priority as integer) as rule_priority

    from rules

)

select * from final
