{#- A percentage as an exact decimal with up to 3 decimals (the document prints 2 or 3). -#}
{% macro to_pct(column) -%}
    cast({{ column }} as decimal(9, 3))
{%- endmacro %}
