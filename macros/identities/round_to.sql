{#- Round an exact DECIMAL to the number of decimals in a column. round() needs a constant
    scale for DECIMALs, so the scale is chosen case by case; each branch is cast back to
    DECIMAL(38, 6), otherwise the CASE would unify the branches to DECIMAL(38, 0). -#}
{% macro round_to(value, decimals) -%}
    (case {{ decimals }}
        when 0 then round({{ value }}, 0)::decimal(38, 6)
        when 1 then round({{ value }}, 1)::decimal(38, 6)
        when 2 then round({{ value }}, 2)::decimal(38, 6)
        when 3 then round({{ value }}, 3)::decimal(38, 6)
        when 4 then round({{ value }}, 4)::decimal(38, 6)
    end)
{%- endmacro %}
