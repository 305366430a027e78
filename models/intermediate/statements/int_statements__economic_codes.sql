-- The economic classification of 基本支出 (支出经济分类) as the statements print it: every 类 (301,
-- 302, 303, 310 …) and 款 (30101 …) of statement 6, with its 类 and the expense group the 类 makes
-- (ref_economic_classes: 人员经费 = 301 + 303, 公用经费 = 302 + 310 (+ 309, 399)). A printed 类
-- name that disagrees with the reference's is flagged.

with

statement_rows as (

    select * from {{ ref('int_statements__rows') }}
    where classification = 'economic' and row_code is not null

),

classes as (

    select * from {{ ref('stg_reference__economic_classes') }}

),

printed as (

    select
        row_code as economic_code,
        arg_min(line_name, document_id || ':' || lpad(cast(row_seq as varchar), 5, '0'))
            as printed_name,
        count(distinct line_name) as printed_name_count,
        count(distinct document_id) as printed_documents
    from statement_rows
    group by row_code

),

final as (

    select
        ----------  ids
        coalesce(printed.economic_code, classes.class_code) as economic_code,
        left(coalesce(printed.economic_code, classes.class_code), 3) as class_code,
        case when length(coalesce(printed.economic_code, classes.class_code)) = 5
            then left(printed.economic_code, 3) end as parent_code,

        ----------  descriptors
        coalesce(classes.class_name, printed.printed_name) as economic_name,
        case length(coalesce(printed.economic_code, classes.class_code))
            when 3 then '类' when 5 then '款' end as level,
        group_class.expense_group,
        printed.printed_name,
        coalesce(printed.printed_name_count, 0) > 1
            or (classes.class_name is not null and printed.printed_name is not null
                and translate(printed.printed_name, '（）', '()') <> classes.class_name)
            as is_printed_name_different,
        cast(coalesce(printed.printed_documents, 0) as integer) as printed_documents,

        ----------  lineage
        coalesce(classes.source,
            'printed in the statements of ' || printed.printed_documents || ' document(s)')
            as source

    from printed
    full outer join classes
        on printed.economic_code = classes.class_code
    left join classes as group_class
        on left(coalesce(printed.economic_code, classes.class_code), 3) = group_class.class_code

)

select * from final
