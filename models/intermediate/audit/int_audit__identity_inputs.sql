-- Every printed number an accounting identity can use, keyed by (theme, component_code, role),
-- with its rounding radius (half a unit of its last printed digit; 0 for counts, which are
-- exact). Thematic figures come from int_thematic__figures_by_role (first occurrence); the
-- 类 totals and 类/款/项 items from the disclosed figures of 五(二), 五(三) and 八.
-- Built on views only, so a changed raw figure changes the identities at once (the
-- mutation sweep of `final-accounts bench` relies on it).

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

thematic as (

    select
        document_id,
        theme,
        component_code,
        cast(null as varchar) as class_name,
        cast(null as varchar) as budget_type,
        role,
        line_item,
        value,
        decimals,
        measure,
        source_line,
        'disclosed' as derivation
    from figures_by_role
    where occurrence_no = 1

),

functional as (

    select
        document_id,
        case when section_code = '2.五(二)' then 'functional_class' else 'functional_item' end
            as theme,
        line_item as component_code,
        regexp_extract(line_item, '^(.*?)\(类\)', 1) as class_name,
        case when section_code like '2.五%' then '一般公共预算' else '国有资本经营预算' end
            as budget_type,
        case measure
            when 'amount' then 'amount'
            when 'share_pct' then 'share_pct'
            when 'change_amount' then 'change'
            when 'change_pct' then 'change_pct'
        end as role,
        line_item,
        value,
        decimals,
        measure,
        source_line,
        'disclosed' as derivation
    from disclosed_figures
    where section_code in ('2.五(二)', '2.五(三)', '2.八')
        and line_item like '%(类)%'

),

-- 第二部分 七 may say in words that the department has no government-fund income, spending
-- or balances (…无政府性基金预算财政拨款收入、支出及结转和结余…为空表): its amounts are then
-- 0 exactly (radius 0), derived from that statement.
government_fund_statements as (

    select document_id, min(source_line) as source_line
    from explanations
    where section_code = '2.七'
        and explanation_text like '%无政府性基金%'
        and explanation_text like '%空表%'
    group by document_id

),

government_fund_zeros as (

    select
        statements.document_id,
        'fiscal_appropriation' as theme,
        'government_fund_budget' as component_code,
        cast(null as varchar) as class_name,
        cast(null as varchar) as budget_type,
        roles.role,
        '政府性基金预算财政拨款 (' || roles.role || ', 空表)' as line_item,
        cast(0 as decimal(18, 3)) as value,
        cast(null as integer) as decimals,
        'amount' as measure,
        statements.source_line,
        'empty_table_statement' as derivation
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

unioned as (

    select * from thematic
    union all
    select * from functional
    union all
    select * from government_fund_zeros

),

final as (

    select
        ----------  keys
        document_id,
        theme,
        component_code,
        role,

        ----------  attributes
        class_name,
        budget_type,
        line_item,
        measure,
        derivation,

        ----------  values
        value,
        decimals,
        case
            when derivation <> 'disclosed' or measure in ('count', 'change_count') then 0
            else {{ half_unit('decimals') }}
        end::decimal(18, 6) as rounding_radius,

        ----------  lineage
        source_line

    from unioned

)

select * from final
