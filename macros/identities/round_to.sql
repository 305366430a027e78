{#- Round an exact DECIMAL to the number of decimals in a column (round() needs a
    constant scale for DECIMALs, so the scale is chosen case by case). -#}
{% macro round_to(value, decimals) -%}
    (case {{ decimals }}
        when 0 then round({{ value }}, 0) when 1 then round({{ value }}, 1)
        when 2 then round({{ value }}, 2) when 3 then round({{ value }}, 3)
        when 4 then round({{ value }}, 4)
    end)
{%- endmacro %}
