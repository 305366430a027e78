{#- A text as a SQL string literal (its quotes doubled). -#}
{% macro sql_string(text) -%}
    '{{ text | string | replace("'", "''") }}'
{%- endmacro %}
