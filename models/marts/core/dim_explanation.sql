-- The explanations of the narrative: reasons (主要原因是), spending contents, enumerations and
-- figure-less statements, with the title of their section.

with

explanations as (

    select * from {{ ref('stg_narrative__explanations') }}

),

document_sections as (

    select * from {{ ref('stg_narrative__document_sections') }}

),

final as (

    select
        ----------  ids
        explanations.explanation_id,
        explanations.document_id,
        explanations.explanation_seq,
        explanations.section_code,

        ----------  descriptors
        document_sections.section_title,
        explanations.topic,
        explanations.subject,
        explanations.explanation_kind,
        explanations.explanation_text,

        ----------  lineage
        explanations.source_line,
        explanations.raw_text

    from explanations
    left join document_sections
        on explanations.document_id = document_sections.document_id
        and explanations.section_code = document_sections.section_code

)

select * from final
