{#- The select list that pivots a thematic fact's long rows (one per role) into columns: for
    each (alias, role[, line alias]) the role's value as `alias` and its line as
    `alias_source_line` (or the line alias). role may be a list (any of those roles). With
    first_occurrence, only the first printing of a figure printed twice counts; with text, the
    value is the explanation's text. -#}
{% macro pivot_by_role(columns, first_occurrence=false, text=false) -%}
    {%- set value = 'explanation_text' if text else 'value' -%}
    {%- for column in columns %}
        {%- set alias, role = column[0], column[1] -%}
        {%- set line_alias = column[2] if column | length > 2 else alias ~ '_source_line' -%}
        {%- if role is string -%}
            {%- set condition = "role = '" ~ role ~ "'" -%}
        {%- else -%}
            {%- set condition = "role in ('" ~ (role | join("', '")) ~ "')" -%}
        {%- endif -%}
        {%- if first_occurrence -%}
            {%- set condition = condition ~ " and occurrence_no = 1" -%}
        {%- endif %}
        max({{ value }}) filter (where {{ condition }}) as {{ alias }},
        max(source_line) filter (where {{ condition }}) as {{ line_alias }}{{ ',' if not loop.last }}
    {%- endfor %}
{%- endmacro %}
