{#- Half a unit of the last printed digit: the rounding radius of a printed number
    (docs/DOMAIN.md §5). 2 decimals → 0.005. Exact DECIMAL, no power() (which is DOUBLE). -#}
{% macro half_unit(decimals) -%}
    (case {{ decimals }}
        when 0 then 0.5 when 1 then 0.05 when 2 then 0.005
        when 3 then 0.0005 when 4 then 0.00005
    end)::decimal(18, 6)
{%- endmacro %}
