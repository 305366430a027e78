-- The Urumqi HRSS 2024 document lists 4 类 totals in 五(二) (lines 128–131) summing to 32186.91
-- 万元, the 一般公共预算财政拨款支出 of 五(一) (line 122), with the printed codes and shares.
-- Returns a row per expectation that fails.

with

documents as (

    select * from {{ ref('dim_document') }}

),

class_expenditure as (

    select * from {{ ref('fct_functional_class_expenditure') }}

),

fixture_document as (

    select document_id
    from documents
    where document_id = '{{ var("fixture_document_id") }}'

),

actual as (

    select class_expenditure.*
    from class_expenditure
    inner join fixture_document
        on class_expenditure.document_id = fixture_document.document_id

),

expected_classes as (

    select *
    from (
        values
            (1, '205', '教育支出', 3842.53, 11.94),
            (2, '206', '科学技术支出', 16.99, 0.05),
            (3, '208', '社会保障和就业支出', 27666.64, 85.96),
            (4, '210', '卫生健康支出', 660.75, 2.05)
    ) as t (list_no, function_code, class_name, amount_wan_yuan, share_pct)

),

class_failures as (

    select
        'class ' || expected_classes.class_name as failed_check,
        cast(actual.amount_wan_yuan as varchar) as actual_value
    from expected_classes
    left join actual
        on expected_classes.list_no = actual.list_no
    where actual.functional_class_expenditure_id is null
        or actual.function_code is distinct from expected_classes.function_code
        or actual.class_name is distinct from expected_classes.class_name
        or actual.amount_wan_yuan is distinct from expected_classes.amount_wan_yuan
        or actual.share_pct is distinct from expected_classes.share_pct

),

total_failures as (

    select
        'count 4 and sum 32186.91' as failed_check,
        count(*) || ' rows, sum ' || coalesce(sum(amount_wan_yuan), 0) as actual_value
    from actual
    having count(*) <> 4
        or coalesce(sum(amount_wan_yuan), 0) <> 32186.91

),

final as (

    select * from class_failures
    union all
    select * from total_failures

)

select * from final
