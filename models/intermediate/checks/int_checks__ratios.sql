-- The evaluator of the ratio checks (kind ratio of ref_check_instances): a printed percentage
-- (or product) against its two inputs x and y, one row per concrete instance. The formula
-- gives the ratio: share x / y, change y / (x − y) (x this year's amount, y the change, so
-- x − y is last year's), variance (y − x) / x (x budget, y final), product x × y / 100 (a
-- score from 分值 and 执行率); each × 100.
-- Interval arithmetic: x and y stand anywhere in [x ± radius], [y ± radius]; the ratio is
-- monotone in each, so its range is spanned by the four corners of that box. pass: the ratio
-- of the printed inputs rounds to the printed value; rounding: the range meets [printed ±
-- half a unit of its last digit]; fail otherwise. Outcomes are decided by cross-multiplying
-- (exact DECIMAL); division (hugeint, exact_ratio_pct) only reports the expected value and
-- the envelope. A denominator that can reach zero makes the percentage undefined
-- (not_evaluable).

with

bound as (

    select * from {{ ref('int_checks__bound_terms') }}
    where kind = 'ratio'

),

checks as (

    select
        check_id as identity_id,
        instance_no,
        suite,
        document_id,
        instance,
        any_value(formula) as formula,
        any_value(value) filter (where side = 'x') as x_value,
        any_value(rounding_radius) filter (where side = 'x') as x_radius,
        any_value(label) filter (where side = 'x') as x_label,
        any_value(value) filter (where side = 'y') as y_value,
        any_value(rounding_radius) filter (where side = 'y') as y_radius,
        any_value(label) filter (where side = 'y') as y_label,
        any_value(value) filter (where side = 'printed') as printed_value,
        any_value(decimals) filter (where side = 'printed') as printed_decimals,
        string_agg(missing_input, '; ' order by side) filter (where missing_input is not null)
            as missing_inputs,
        string_agg(distinct chosen_note, '; ') as chosen_inputs,
        array_to_string(list_sort(list_distinct(
            list(source_line) filter (where source_line is not null)
        )), ',') as source_lines
    from bound
    group by check_id, instance_no, suite, document_id, instance

),

corners as (

    select
        checks.*,
        cast(x_value + corner.x_sign * x_radius as decimal(38, 6)) as corner_x,
        cast(y_value + corner.y_sign * y_radius as decimal(38, 6)) as corner_y
    from checks
    cross join (values (-1, -1), (-1, 1), (1, -1), (1, 1)) as corner (x_sign, y_sign)

),

corner_ratios as (

    select
        *,
        {{ ratio_terms('formula', 'corner_x', 'corner_y') }},
        cast(printed_value as decimal(38, 6)) + {{ half_unit('printed_decimals') }} as upper,
        cast(printed_value as decimal(38, 6)) - {{ half_unit('printed_decimals') }} as lower
    from corners

),

evaluated as (

    select
        identity_id,
        instance_no,
        suite,
        document_id,
        instance,
        any_value(formula) as formula,
        any_value(x_value) as x_value,
        any_value(x_label) as x_label,
        any_value(y_value) as y_value,
        any_value(y_label) as y_label,
        any_value(printed_value) as printed_value,
        any_value(printed_decimals) as printed_decimals,
        any_value(missing_inputs) as missing_inputs,
        any_value(chosen_inputs) as chosen_inputs,
        any_value(source_lines) as source_lines,
        bool_or(denominator <= 0) as has_pole,
        bool_or(100 * numerator <= upper * denominator) as reaches_upper,
        bool_or(100 * numerator >= lower * denominator) as reaches_lower,
        min({{ exact_ratio_pct('numerator', 'denominator') }}) as corner_min,
        max({{ exact_ratio_pct('numerator', 'denominator') }}) as corner_max
    from corner_ratios
    group by identity_id, instance_no, suite, document_id, instance

),

nominal as (

    select
        *,
        {{ ratio_terms('formula', 'cast(x_value as decimal(38, 6))', 'cast(y_value as decimal(38, 6))') }},
        cast(printed_value as decimal(38, 6)) + {{ half_unit('printed_decimals') }} as upper,
        cast(printed_value as decimal(38, 6)) - {{ half_unit('printed_decimals') }} as lower
    from evaluated

),

judged as (

    select
        *,
        {{ exact_ratio_pct('numerator', 'denominator') }} as expected_value,
        case
            when missing_inputs is not null then missing_inputs
            when has_pole then 'the denominator is zero within rounding: the percentage is undefined'
        end as not_evaluable_reason
    from nominal

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
        'ratio' as check_kind,
        'printed ' || formula || case when formula = 'product' then '' else ' %' end as left_label,
        case formula
            when 'share' then 'X / Y × 100'
            when 'change' then 'Y / (X − Y) × 100'
            when 'variance' then '(Y − X) / X × 100'
            when 'product' then 'X × Y / 100'
        end || ' with X = ' || coalesce(cast(x_value as varchar), '?')
            || coalesce(' (' || x_label || ')', '')
            || ', Y = ' || coalesce(cast(y_value as varchar), '?')
            || coalesce(' (' || y_label || ')', '') as right_label,
        printed_value::decimal(18, 3) as left_value,
        expected_value::decimal(18, 6) as right_value,
        case when not_evaluable_reason is null
            then printed_value - expected_value end::decimal(18, 6) as difference,
        case when not_evaluable_reason is null
            then {{ half_unit('printed_decimals') }}
                + greatest(corner_max - expected_value, expected_value - corner_min)
        end::decimal(18, 6) as envelope,

        ----------  outcome
        case
            when not_evaluable_reason is not null then 'not_evaluable'
            when denominator > 0
                and 100 * numerator between lower * denominator and upper * denominator
                then 'pass'
            when reaches_upper and reaches_lower then 'rounding'
            else 'fail'
        end as outcome,
        not_evaluable_reason,
        cast(null as decimal(18, 3)) as implied_value,
        cast(null as varchar) as implied_input,
        chosen_inputs,

        ----------  lineage
        source_lines

    from judged

)

select * from final
