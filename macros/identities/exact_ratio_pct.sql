{#- numerator / denominator × 100, rounded half away from zero to 6 decimals, computed
    with integer (hugeint) division: DuckDB divides DECIMALs as DOUBLE, which is not exact.
    Inputs are DECIMALs with at most 6 decimals (a product of two printed numbers has up to 4).
    Null when the denominator is 0. -#}
{% macro exact_ratio_pct(numerator, denominator) -%}
    (case when ({{ denominator }}) = 0 then null else
        sign(({{ numerator }})) * sign(({{ denominator }}))
        * cast(
            (abs(cast(({{ numerator }}) * 1000000 as hugeint)) * 200000000
                + abs(cast(({{ denominator }}) * 1000000 as hugeint)))
            // (2 * abs(cast(({{ denominator }}) * 1000000 as hugeint)))
        as decimal(30, 0)) * 0.000001::decimal(7, 6)
    end)::decimal(38, 6)
{%- endmacro %}
