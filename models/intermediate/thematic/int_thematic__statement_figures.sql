-- The cells of statements 1, 4 and 7 that restate a thematic measure (收入支出决算总表 → the summary,
-- 财政拨款收入支出决算总表 → 财政拨款 by budget type, 财政拨款“三公”经费支出决算表 → "三公"), in the shape of
-- int_thematic__figures_by_role, by the rules of ref_statement_figure_rules. Only printed cells:
-- a blank cell restates nothing. The marts of those themes hold both sources side by side, one
-- row per source (figure_source).

with

grid as (

    select * from {{ ref('int_statements__grid') }}
    where not is_blank

),

rules as (

    select * from {{ ref('stg_reference__statement_figure_rules') }}

),

components as (

    select * from {{ ref('int_thematic__components') }}

),

matched as (

    select
        grid.*,
        rules.theme,
        rules.component_code,
        rules.role
    from grid
    inner join rules
        on grid.statement_no = rules.statement_no
        and grid.row_key = rules.row_key
        and grid.column_key = rules.column_key
        and coalesce(grid.line_name, '') like rules.line_name_pattern

),

final as (

    select
        ----------  ids
        matched.grid_cell_id,
        matched.document_id,
        'statement ' || matched.statement_no as figure_source,
        matched.statement_no,

        ----------  names
        matched.theme,
        matched.component_code,
        components.component_name,
        components.component_order,
        components.parent_component_code,
        matched.role,
        coalesce(matched.statement_title, matched.template_title) as statement_name,
        matched.row_label,
        matched.column_label,

        ----------  values
        cast(matched.value_wan_yuan as decimal(18, 3)) as value,
        matched.decimals,

        ----------  lineage
        matched.page,
        matched.source_line

    from matched
    left join components
        on matched.theme = components.theme
        and matched.component_code = components.component_code

)

select * from final
