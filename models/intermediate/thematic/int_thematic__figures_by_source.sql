-- The thematic figures of every source in one shape: the narrative's (int_thematic__figures_by_role)
-- and the statement cells that restate a theme (int_thematic__statement_figures: statements 1, 4
-- and 7), figure_source saying which. The marts that fold the statements in pivot this, one row
-- per document × component × source.

with

narrative_figures as (

    select
        document_id, 'narrative' as figure_source, theme, component_code, component_name,
        component_order, parent_component_code, role, value, source_line, occurrence_no,
        line_item, section_code
    from {{ ref('int_thematic__figures_by_role') }}

),

statement_figures as (

    -- a statement prints each cell once
    select
        document_id, figure_source, theme, component_code, component_name, component_order,
        parent_component_code, role, value, source_line, 1 as occurrence_no,
        cast(null as varchar) as line_item, cast(null as varchar) as section_code
    from {{ ref('int_thematic__statement_figures') }}

),

final as (

    select * from narrative_figures
    union all by name
    select * from statement_figures

)

select * from final
