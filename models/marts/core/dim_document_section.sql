-- The sections and subsections of each document with their line ranges, how they are parsed
-- and the topic (the template's id of what a section is about, the same in every template).

with

document_sections as (

    select * from {{ ref('stg_narrative__document_sections') }}

),

final as (

    select
        ----------  ids
        document_section_id,
        document_id,
        section_seq,
        section_code,

        ----------  descriptors
        section_title,
        section_kind,
        topic_id,
        printed_department,

        ----------  lineage
        heading_line,
        first_line,
        last_line,
        heading_page

    from document_sections

)

select * from final
