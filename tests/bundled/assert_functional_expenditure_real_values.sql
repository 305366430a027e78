-- Real figures of the Urumqi HRSS 2024 document (第二部分 五(三) line 136 and 八 line 198) read
-- through the mart: amount, signed change, change percent, derived prior year and codes.
-- Returns one row per expected clause that is missing or differs.

with

documents as (

    select * from {{ ref('dim_document') }}

),

functional_expenditure as (

    select * from {{ ref('fct_functional_expenditure') }}

),

fixture_document as (

    select document_id
    from documents
    where document_id = '{{ var("fixture_document_id") }}'

),

expected as (

    select *
    from (
        values
            ('一般公共预算', '技校教育', '2050303', '20503', '205',
             3802.53, 882.46, 30.22, 2920.07, 136),
            ('一般公共预算', '其他教育支出', '2059999', '20599', '205',
             40.00, -549.83, -93.22, 589.83, 140),
            ('一般公共预算', '中等职业教育', '2050302', '20503', '205',
             0.00, -14.52, -100.00, 14.52, 135),
            ('一般公共预算', '行政运行', '2080101', '20801', '208',
             8287.62, 499.04, 6.41, 7788.58, 142),
            ('国有资本经营预算', '国有企业改革成本支出', '2230407', '22304', '223',
             19.28, -2.26, -10.49, 21.54, 198)
    ) as t (
        budget_type, item_name, function_code, kuan_code, class_code,
        amount_wan_yuan, change_wan_yuan, change_pct, prior_year_wan_yuan, source_line
    )

),

actual as (

    select functional_expenditure.*
    from functional_expenditure
    inner join fixture_document
        on functional_expenditure.document_id = fixture_document.document_id

),

compared as (

    select
        expected.budget_type,
        expected.item_name,
        actual.functional_expenditure_id
    from expected
    left join actual
        on expected.budget_type = actual.budget_type
        and expected.item_name = actual.item_name
        and expected.source_line = actual.source_line
    where actual.functional_expenditure_id is null
        or actual.function_code is distinct from expected.function_code
        or actual.kuan_code is distinct from expected.kuan_code
        or actual.class_code is distinct from expected.class_code
        or actual.amount_wan_yuan is distinct from expected.amount_wan_yuan
        or actual.change_wan_yuan is distinct from expected.change_wan_yuan
        or actual.change_pct is distinct from expected.change_pct
        or actual.prior_year_wan_yuan is distinct from expected.prior_year_wan_yuan

)

select * from compared
