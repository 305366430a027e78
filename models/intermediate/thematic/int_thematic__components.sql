-- The catalogue of thematic line items: one row per theme × component, with the canonical
-- Chinese name, the display order and the parent the component is a part of (null for a top
-- row). Hand-written: the template of 部门决算公开 fixes these items; the patterns that map a
-- printed line_item onto them live in int_thematic__figure_rules and int_thematic__explanation_rules.

with

components as (

    select *
    from (
        values
            -- 第二部分 一: 收入支出决算总体 (one row per document)
            ('income_expenditure_summary', 'summary', '收入支出决算总体', 1, null),

            -- 第二部分 二: 本年收入 by source
            ('income_by_source', 'total', '本年收入', 0, null),
            ('income_by_source', 'fiscal_appropriation', '财政拨款收入', 1, 'total'),
            ('income_by_source', 'higher_level_subsidy', '上级补助收入', 2, 'total'),
            ('income_by_source', 'business', '事业收入', 3, 'total'),
            ('income_by_source', 'operating', '经营收入', 4, 'total'),
            ('income_by_source', 'affiliated_remittance', '附属单位上缴收入', 5, 'total'),
            ('income_by_source', 'other', '其他收入', 6, 'total'),

            -- 第二部分 三: 本年支出 by nature
            ('expenditure_by_nature', 'total', '本年支出', 0, null),
            ('expenditure_by_nature', 'basic', '基本支出', 1, 'total'),
            ('expenditure_by_nature', 'project', '项目支出', 2, 'total'),
            ('expenditure_by_nature', 'remittance_to_higher', '上缴上级支出', 3, 'total'),
            ('expenditure_by_nature', 'operating', '经营支出', 4, 'total'),
            ('expenditure_by_nature', 'subsidy_to_affiliates', '对附属单位补助支出', 5, 'total'),

            -- 第二部分 四, 五(一), 七, 八: 财政拨款 and its three budget scopes
            ('fiscal_appropriation', 'fiscal_appropriation', '财政拨款', 1, null),
            ('fiscal_appropriation', 'general_public_budget', '一般公共预算', 2, 'fiscal_appropriation'),
            ('fiscal_appropriation', 'government_fund_budget', '政府性基金预算', 3, 'fiscal_appropriation'),
            ('fiscal_appropriation', 'state_capital_operating_budget', '国有资本经营预算', 4, 'fiscal_appropriation'),

            -- 第二部分 六: 一般公共预算财政拨款基本支出
            ('basic_expenditure', 'total', '基本支出', 0, null),
            ('basic_expenditure', 'personnel', '人员经费', 1, 'total'),
            ('basic_expenditure', 'public_funds', '公用经费', 2, 'total'),

            -- 第二部分 九: 财政拨款"三公"经费
            ('three_public_expenses', 'total', '财政拨款"三公"经费', 0, null),
            ('three_public_expenses', 'outbound_travel', '因公出国(境)费', 1, 'total'),
            ('three_public_expenses', 'official_vehicles', '公务用车购置及运行维护费', 2, 'total'),
            ('three_public_expenses', 'vehicle_purchase', '公务用车购置费', 3, 'official_vehicles'),
            ('three_public_expenses', 'vehicle_operation', '公务用车运行维护费', 4, 'official_vehicles'),
            ('three_public_expenses', 'official_reception', '公务接待费', 5, 'total'),

            -- 第二部分 十(一): 机关运行经费 and 事业单位公用经费
            ('public_funds_operating', 'agency_operating', '机关运行经费', 1, null),
            ('public_funds_operating', 'institution_public_funds', '事业单位公用经费', 2, null),

            -- 第二部分 十(二): 政府采购
            ('procurement', 'total', '政府采购支出总额', 0, null),
            ('procurement', 'goods', '货物', 1, 'total'),
            ('procurement', 'works', '工程', 2, 'total'),
            ('procurement', 'services', '服务', 3, 'total'),
            ('procurement', 'sme_contracts', '授予中小企业合同', 4, 'total'),
            ('procurement', 'micro_small_contracts', '授予小微企业合同', 5, 'sme_contracts'),

            -- 第二部分 十(三): 国有资产占用
            ('state_assets', 'buildings', '房屋', 1, null),
            ('state_assets', 'vehicles', '车辆', 2, null),
            ('state_assets', 'vehicle_vice_ministerial', '副部(省)级及以上领导用车', 3, 'vehicles'),
            ('state_assets', 'vehicle_principal_officials', '主要负责人用车', 4, 'vehicles'),
            ('state_assets', 'vehicle_confidential_communication', '机要通信用车', 5, 'vehicles'),
            ('state_assets', 'vehicle_emergency_support', '应急保障用车', 6, 'vehicles'),
            ('state_assets', 'vehicle_law_enforcement', '执法执勤用车', 7, 'vehicles'),
            ('state_assets', 'vehicle_special_technical', '特种专业技术用车', 8, 'vehicles'),
            ('state_assets', 'vehicle_retired_cadre_service', '离退休干部服务用车', 9, 'vehicles'),
            ('state_assets', 'vehicle_other', '其他用车', 10, 'vehicles'),
            ('state_assets', 'equipment_over_1m', '单价100万元(含)以上设备(不含车辆)', 11, null),

            -- 第一部分 二: 人员情况 and 机构设置
            ('staff', 'total', '实有人数', 0, null),
            ('staff', 'serving', '在职人员', 1, 'total'),
            ('staff', 'retired_veteran', '离休人员', 2, 'total'),
            ('staff', 'retired', '退休人员', 3, 'total'),
            ('organisation', 'internal_offices', '本级下设科室', 1, null),

            -- 第二部分 十一 and 十二: 预算绩效
            ('performance_evaluation', 'overall_self_evaluation', '部门整体支出绩效自评表', 1, null),
            ('performance_evaluation', 'project_self_evaluation', '项目支出绩效自评表', 2, null),
            ('performance_evaluation', 'sm_project', 'SM项目', 3, null)
    ) as catalogue (theme, component_code, component_name, component_order, parent_component_code)

),

final as (

    select
        ----------  ids
        {{ natural_key(['theme', 'component_code']) }} as component_key,
        cast(theme as varchar) as theme,
        cast(component_code as varchar) as component_code,

        ----------  names
        cast(component_name as varchar) as component_name,
        cast(component_order as integer) as component_order,
        cast(parent_component_code as varchar) as parent_component_code

    from components

)

select * from final
