{#- Ratio identities (a printed percentage against numerator / denominator × 100, DOMAIN.md §5),
    shared by the narrative's shares, changes and variances and the project tables' 执行率.

    ratio_corners: the aggregates over the four corners of the inputs' rounding intervals (one
    row per corner, numerator and denominator computed at that corner, lower / upper the printed
    value ∓ half a unit): whether the denominator can reach zero, whether some corner reaches
    each bound, and the smallest and largest corner ratio.

    ratio_check_columns: left/right values, difference, envelope and outcome of audit's
    identity checks, from a row with expected_value, not_evaluable_reason, lower, upper and the
    ratio_corners aggregates. pass is decided exactly on the nominal inputs (not from
    expected_value, which is rounded to 6 decimals); rounding when the corners reach both bounds. -#}
{% macro ratio_corners(numerator, denominator) -%}
        bool_or({{ denominator }} <= 0) as has_pole,
        bool_or(100 * {{ numerator }} <= upper * {{ denominator }}) as reaches_upper,
        bool_or(100 * {{ numerator }} >= lower * {{ denominator }}) as reaches_lower,
        min({{ exact_ratio_pct(numerator, denominator) }}) as corner_min,
        max({{ exact_ratio_pct(numerator, denominator) }}) as corner_max
{%- endmacro %}

{% macro ratio_check_columns(printed, decimals, numerator, denominator) -%}
        {{ printed }}::decimal(18, 3) as left_value,
        expected_value::decimal(18, 6) as right_value,
        case when not_evaluable_reason is null
            then {{ printed }} - expected_value end::decimal(18, 6) as difference,
        case when not_evaluable_reason is null
            then {{ half_unit(decimals) }}
                + greatest(corner_max - expected_value, expected_value - corner_min)
        end::decimal(18, 6) as envelope,
        case
            when not_evaluable_reason is not null then 'not_evaluable'
            when {{ denominator }} > 0
                and 100 * {{ numerator }} between lower * {{ denominator }} and upper * {{ denominator }}
                then 'pass'
            when reaches_upper and reaches_lower then 'rounding'
            else 'fail'
        end as outcome
{%- endmacro %}
