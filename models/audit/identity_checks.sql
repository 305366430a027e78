-- Every accounting identity of DOMAIN.md §5 (narrative part), one row per identity ×
-- document × instance, with both sides, the difference, the rounding envelope, the outcome
-- (pass, rounding, fail, not_evaluable) and the source lines of its inputs. A failure that a
-- person accepted as the publisher's own error (ref_identity_acknowledgements) is flagged.
-- The quality gate's Great Expectations suites (expectations/) read this view.

with

sum_identities as (

    select * from {{ ref('int_audit__sum_identities') }}

),

ratio_identities as (

    select * from {{ ref('int_audit__ratio_identities') }}

),

performance_identities as (

    select * from {{ ref('int_audit__performance_identities') }}

),

acknowledgements as (

    select * from {{ ref('stg_reference__identity_acknowledgements') }}

),

unioned as (

    select * from sum_identities
    union all by name
    select * from ratio_identities
    union all by name
    select * from performance_identities

),

final as (

    select
        ----------  keys
        unioned.identity_id || ':' || unioned.document_id || ':' || unioned.instance
            as identity_check_id,
        unioned.identity_id,
        unioned.document_id,
        unioned.instance,

        ----------  the two sides
        unioned.check_kind,
        unioned.left_label,
        unioned.left_value,
        unioned.right_label,
        unioned.right_value,
        unioned.difference,
        unioned.envelope,

        ----------  outcome
        unioned.outcome,
        unioned.not_evaluable_reason,
        acknowledgements.acknowledgement_id is not null as is_acknowledged,
        acknowledgements.evidence as acknowledgement_evidence,

        ----------  lineage
        unioned.source_lines

    from unioned
    left join acknowledgements
        on unioned.document_id = acknowledgements.document_id
        and unioned.identity_id = acknowledgements.identity_id
        and unioned.instance = acknowledgements.instance

)

select * from final
