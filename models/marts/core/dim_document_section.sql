-- The sections and subsections of each document with their line ranges and how they are parsed.

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

        ----------  lineage
        heading_line,
        first_line,
        last_line

    from document_sections

)

select * from final
