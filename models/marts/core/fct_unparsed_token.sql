-- Every numeric token of a parsed section that the extraction did not take as a figure, with
-- the reason, so that analysts can audit what was left out.

with

unparsed_tokens as (

    select * from {{ ref('stg_narrative__unparsed_tokens') }}

),

document_sections as (

    select * from {{ ref('stg_narrative__document_sections') }}

),

final as (

    select
        ----------  ids
        unparsed_tokens.unparsed_token_id,
        unparsed_tokens.document_id,
        unparsed_tokens.token_seq,
        unparsed_tokens.section_code,

        ----------  descriptors
        document_sections.section_title,
        unparsed_tokens.token,
        unparsed_tokens.reason,

        ----------  lineage
        unparsed_tokens.source_line,
        unparsed_tokens.context

    from unparsed_tokens
    left join document_sections
        on unparsed_tokens.document_id = document_sections.document_id
        and unparsed_tokens.section_code = document_sections.section_code

)

select * from final
