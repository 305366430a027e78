-- The ledger of source lines: every non-blank line of the parsed and frame sections (the rows
-- of a PDF's tables included, their cells joined by TAB), verbatim, with its page and line on
-- the page. Join on (document_id, source_line) to read the line any mart row came from.

with

source_lines as (

    select * from {{ ref('stg_narrative__source_lines') }}

),

final as (

    select
        ----------  ids
        source_line_id,
        document_id,
        source_line,
        section_code,

        ----------  lineage
        raw_text,
        page,
        line_on_page

    from source_lines

)

select * from final
