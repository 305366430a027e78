-- The evaluator of the bound checks (kind bound of ref_check_instances): lower ≤ value ≤
-- upper, one row per concrete instance. difference is how far the value lies outside the
-- bounds. With tolerance exact only the bounds themselves pass; with rounding a value outside
-- them by no more than the inputs' rounding radii is `rounding`.

with

bound as (

    select * from {{ ref('int_checks__bound_terms') }}
    where kind = 'bound'

),

checks as (

    select
        check_id as identity_id,
        instance_no,
        suite,
        document_id,
        instance,
        any_value(tolerance) as tolerance,
        any_value(value) filter (where side = 'value') as checked_value,
        any_value(label) filter (where side = 'value') as value_label,
        any_value(value) filter (where side = 'lower') as lower_value,
        any_value(value) filter (where side = 'upper') as upper_value,
        any_value(label) filter (where side = 'upper') as upper_label,
        sum(rounding_radius) as radii,
        string_agg(missing_input, '; ' order by side) filter (where missing_input is not null)
            as missing_inputs,
        string_agg(distinct chosen_note, '; ') as chosen_inputs,
        array_to_string(list_sort(list_distinct(
            list(source_line) filter (where source_line is not null)
        )), ',') as source_lines
    from bound
    group by check_id, instance_no, suite, document_id, instance

),

measured as (

    select
        *,
        greatest(checked_value - upper_value, 0) + greatest(lower_value - checked_value, 0)
            as outside,
        case when tolerance = 'exact' then 0 else radii end as envelope
    from checks

),

final as (

    select
        ----------  keys
        identity_id,
        instance_no,
        suite,
        document_id,
        instance,

        ----------  the two sides
        'bound' as check_kind,
        coalesce(value_label, instance) as left_label,
        coalesce(cast(lower_value as varchar), '?') || ' ≤ · ≤ '
            || coalesce(upper_label, '?') as right_label,
        checked_value::decimal(18, 3) as left_value,
        upper_value::decimal(18, 6) as right_value,
        case when missing_inputs is null then outside end::decimal(18, 6) as difference,
        case when missing_inputs is null then envelope end::decimal(18, 6) as envelope,

        ----------  outcome
        case
            when missing_inputs is not null then 'not_evaluable'
            when outside = 0 then 'pass'
            when outside <= envelope then 'rounding'
            else 'fail'
        end as outcome,
        missing_inputs as not_evaluable_reason,
        cast(null as decimal(18, 3)) as implied_value,
        cast(null as varchar) as implied_input,
        chosen_inputs,

        ----------  lineage
        source_lines

    from measured

)

select * from final
