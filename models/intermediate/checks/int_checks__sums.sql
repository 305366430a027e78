-- The evaluator of the sum checks (kind sum of ref_check_instances): total = Σ sign × terms,
-- one row per concrete instance. It holds when |total − Σ terms| ≤ the Σ of the rounding
-- radii of all printed inputs ((n + 1) × 0.005 for 2-decimal amounts), exactly when the
-- tolerance is exact. An input the document does not print makes the row not_evaluable,
-- naming it; when exactly one is missing, the value it would need for the sum to hold exactly
-- is reported (implied_value), never used.

with

bound as (

    select * from {{ ref('int_checks__bound_terms') }}
    where kind = 'sum'

),

aggregated as (

    select
        check_id as identity_id,
        instance_no,
        suite,
        document_id,
        instance,
        any_value(tolerance) as tolerance,
        sum(value) filter (where side = 'total') as left_value,
        sum(sign * value) filter (where side = 'term') as right_value,
        sum(rounding_radius) as envelope,
        count(*) filter (where side = 'term') as term_count,
        -- terms printed on one line keep a fixed order
        string_agg(case when sign < 0 then '(−) ' || label else label end, ' + '
            order by source_line, theme, component_code, role)
            filter (where side = 'term') as right_label,
        string_agg(label, ' ' order by source_line, theme, component_code, role)
            filter (where side = 'total') as left_label,
        string_agg(missing_input, '; ' order by source_line, theme, component_code, role)
            filter (where missing_input is not null) as missing_inputs,
        count(*) filter (where missing_input is not null) as missing_count,
        any_value(side) filter (where missing_input is not null) as missing_side,
        any_value(sign) filter (where missing_input is not null) as missing_sign,
        any_value(label) filter (where missing_input is not null) as missing_label,
        sum(value) filter (where side = 'total' and missing_input is null) as known_total,
        sum(sign * value) filter (where side = 'term' and missing_input is null) as known_terms,
        string_agg(distinct chosen_note, '; ') as chosen_inputs,
        array_to_string(list_sort(list_distinct(
            list(source_line) filter (where source_line is not null)
        )), ',') as source_lines
    from bound
    group by check_id, instance_no, suite, document_id, instance

),

evaluated as (

    select
        identity_id,
        instance_no,
        suite,
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
        missing_inputs as not_evaluable_reason,
        source_lines,
        case when missing_count = 1 then
            case when missing_side = 'total' then coalesce(known_terms, 0)
                else (coalesce(known_total, 0) - coalesce(known_terms, 0)) * missing_sign end
        end::decimal(18, 3) as implied_value,
        case when missing_count = 1 then missing_label end as implied_input,
        chosen_inputs
    from (
        select
            * replace (case when tolerance = 'exact' then 0 else envelope end as envelope)
        from aggregated
    )

)

select * from evaluated
