-- Every figure disclosed in the narrative part, one row each, with the title and topic of its
-- section, its printed precision (decimals: 6.2 stands for ±0.05) and the page it is printed on.

with

disclosed_figures as (

    select * from {{ ref('stg_narrative__disclosed_figures') }}

),

document_sections as (

    select * from {{ ref('stg_narrative__document_sections') }}

),

source_lines as (

    select * from {{ ref('stg_narrative__source_lines') }}

),

final as (

    select
        ----------  ids
        disclosed_figures.disclosed_figure_id,
        disclosed_figures.document_id,
        disclosed_figures.figure_seq,
        disclosed_figures.section_code,

        ----------  descriptors
        document_sections.section_title,
        disclosed_figures.topic_id,
        disclosed_figures.topic,
        disclosed_figures.line_item,
        disclosed_figures.measure,

        ----------  values
        disclosed_figures.value,
        disclosed_figures.unit,
        disclosed_figures.decimals,
        disclosed_figures.value_text,
        disclosed_figures.share_base,

        ----------  lineage
        disclosed_figures.source_line,
        disclosed_figures.raw_text,
        source_lines.page

    from disclosed_figures
    left join document_sections
        on disclosed_figures.document_id = document_sections.document_id
        and disclosed_figures.section_code = document_sections.section_code
    left join source_lines
        on disclosed_figures.document_id = source_lines.document_id
        and disclosed_figures.source_line = source_lines.source_line

)

select * from final
