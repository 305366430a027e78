-- 第一部分 二 机构设置: one row per document, the number of internal offices (科室) of the
-- department's own body as stated (本级下设 19 个科室) and as counted in the enumeration that
-- follows it (names separated by 、).

with

documents as (

    select * from {{ ref('stg_narrative__documents') }}

),

figures as (

    select * from {{ ref('int_thematic__figures_by_role') }}

),

explanations as (

    select * from {{ ref('int_thematic__explanations_by_role') }}

),

office_counts as (

    select
        document_id,
        {{ pivot_by_role([
            ('internal_office_count', 'count')
        ]) }}

    from figures
    where theme = 'organisation' and component_code = 'internal_offices' and occurrence_no = 1
    group by document_id

),

office_lists as (

    select
        document_id,
        {{ pivot_by_role([
            ('internal_office_list', 'enumeration')
        ], text=true) }}

    from explanations
    where theme = 'organisation' and component_code = 'internal_offices'
    group by document_id

),

final as (

    select
        ----------  ids
        documents.document_id as organisation_id,
        documents.document_id,

        ----------  counts
        cast(office_counts.internal_office_count as integer) as internal_office_count,
        cast(
            len(list_filter(string_split(office_lists.internal_office_list, '、'), x -> trim(x) <> ''))
            as integer
        ) as listed_internal_office_count,

        ----------  text
        office_lists.internal_office_list,

        ----------  flags
        office_counts.internal_office_count
        = len(list_filter(string_split(office_lists.internal_office_list, '、'), x -> trim(x) <> ''))
            as is_office_count_consistent,

        ----------  lineage
        office_counts.internal_office_count_source_line,
        office_lists.internal_office_list_source_line

    from documents
    left join office_counts
        on documents.document_id = office_counts.document_id
    left join office_lists
        on documents.document_id = office_lists.document_id

)

select * from final
