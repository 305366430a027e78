{#- An amount in 万元 (10,000 yuan) as an exact decimal with the printed 2 decimals. -#}
{% macro to_wan_yuan(column) -%}
    cast({{ column }} as decimal(18, 2))
{%- endmacro %}
