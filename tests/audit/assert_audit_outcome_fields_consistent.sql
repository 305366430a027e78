-- audit.identity_checks: the outcome and the fields that justify it agree. A not_evaluable row
-- says why (not_evaluable_reason) and has no difference or envelope; every evaluated row (pass,
-- rounding, fail) has both a difference and an envelope and no reason. A pass or rounding row is
-- inside its envelope for a sum. Returns each row that breaks one of these, with the rule broken.

with

identity_checks as (

    select * from {{ ref('identity_checks') }}

),

violations as (

    select identity_check_id, outcome, 'not_evaluable without a reason' as rule
    from identity_checks
    where outcome = 'not_evaluable' and coalesce(not_evaluable_reason, '') = ''

    union all

    select identity_check_id, outcome, 'not_evaluable with a difference or envelope'
    from identity_checks
    where outcome = 'not_evaluable' and (difference is not null or envelope is not null)

    union all

    select identity_check_id, outcome, 'evaluated without a difference or envelope'
    from identity_checks
    where outcome <> 'not_evaluable' and (difference is null or envelope is null)

    union all

    select identity_check_id, outcome, 'evaluated with a not_evaluable_reason'
    from identity_checks
    where outcome <> 'not_evaluable' and not_evaluable_reason is not null

    union all

    select identity_check_id, outcome, 'sum: pass with a non-zero difference'
    from identity_checks
    where check_kind = 'sum' and outcome = 'pass' and difference <> 0

    union all

    select identity_check_id, outcome, 'sum: rounding or fail disagrees with the envelope'
    from identity_checks
    where check_kind = 'sum'
        and (
            (outcome = 'rounding' and (difference = 0 or abs(difference) > envelope))
            or (outcome = 'fail' and abs(difference) <= envelope)
        )

)

select * from violations
