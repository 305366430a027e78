{#- Outcome of an additive identity from its difference and envelope (docs/DOMAIN.md §5):
    pass when exact, rounding when within the sum of the terms' half units, else fail;
    not_evaluable when an input is missing. -#}
{% macro sum_outcome(difference, envelope) -%}
    (case
        when ({{ difference }}) is null or ({{ envelope }}) is null then 'not_evaluable'
        when ({{ difference }}) = 0 then 'pass'
        when abs({{ difference }}) <= ({{ envelope }}) then 'rounding'
        else 'fail'
    end)
{%- endmacro %}
