-- The functional classification (支出功能分类) the warehouse knows: every code of the curated
-- reference and every code a statement prints (the documents are the source). A printed code
-- the reference lacks is added with the name printed most often (the first printed on a tie);
-- a printed name that disagrees with the reference's is kept beside it and flagged, never
-- written over it.

with

reference as (

    select * from {{ ref('stg_reference__functional_classification') }}

),

statement_rows as (

    select * from {{ ref('int_statements__rows') }}
    where classification = 'functional' and row_code is not null

),

printed_names as (

    select
        row_code as function_code,
        line_name as printed_name,
        count(*) as printings,
        min(document_id || ':' || lpad(cast(statement_no as varchar), 2, '0') || ':'
            || lpad(cast(row_seq as varchar), 5, '0')) as first_printing
    from statement_rows
    group by row_code, line_name

),

printed_documents as (

    select row_code as function_code, count(distinct document_id) as printed_documents
    from statement_rows
    group by row_code

),

printed as (

    select
        printed_names.function_code,
        first(printed_names.printed_name order by printed_names.printings desc,
            printed_names.first_printing) as printed_name,
        count(*) as printed_name_count,
        any_value(printed_documents.printed_documents) as printed_documents,
        list(printed_names.printed_name order by printed_names.printed_name) as printed_names
    from printed_names
    inner join printed_documents
        on printed_names.function_code = printed_documents.function_code
    group by printed_names.function_code

),

final as (

    select
        ----------  ids
        coalesce(reference.function_code, printed.function_code) as function_code,
        case when reference.function_code is not null then reference.parent_code
            when length(printed.function_code) > 3
                then left(printed.function_code, length(printed.function_code) - 2)
        end as parent_code,

        ----------  descriptors
        coalesce(reference.function_name, printed.printed_name) as function_name,
        coalesce(reference.level, case length(printed.function_code)
            when 3 then '类' when 5 then '款' when 7 then '项' end) as level,
        printed.printed_name,
        coalesce(printed.printed_name_count, 0) > 1
            or (reference.function_name is not null and printed.printed_name is not null
                and not list_contains(printed.printed_names, reference.function_name))
            as is_printed_name_different,
        cast(coalesce(printed.printed_documents, 0) as integer) as printed_documents,

        ----------  lineage
        coalesce(
            reference.source,
            'printed in the statements of ' || printed.printed_documents || ' document(s)'
        ) as source,
        reference.function_code is not null as is_in_reference

    from reference
    full outer join printed
        on reference.function_code = printed.function_code

)

select * from final
