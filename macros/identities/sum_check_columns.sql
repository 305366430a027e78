{#- The columns of audit.identity_checks for additive identities, selected from one row per
    identity instance with left_value (the printed total), right_value (Σ printed terms),
    envelope (Σ rounding radii), term_count, left_label, right_label, missing_inputs (null when
    every input is printed) and source_lines. Shared by the narrative and the project-table
    sum identities; missing_reason_prefix starts the not_evaluable_reason. -#}
{% macro sum_check_columns(missing_reason_prefix) -%}
        identity_id,
        document_id,
        instance,
        'sum' as check_kind,
        coalesce(left_label, instance) as left_label,
        case when term_count > 6 then 'Σ ' || term_count || ' terms' else right_label end
            as right_label,
        left_value::decimal(18, 3) as left_value,
        right_value::decimal(18, 3) as right_value,
        case when missing_inputs is null then (left_value - right_value) end::decimal(18, 6)
            as difference,
        case when missing_inputs is null then envelope end::decimal(18, 6) as envelope,
        case
            when missing_inputs is not null then 'not_evaluable'
            else {{ sum_outcome('left_value - right_value', 'envelope') }}
        end as outcome,
        case when missing_inputs is not null then '{{ missing_reason_prefix }}: ' || missing_inputs end
            as not_evaluable_reason,
        source_lines
{%- endmacro %}
