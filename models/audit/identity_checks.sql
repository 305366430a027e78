-- Every check of the registry (seeds ref_checks, ref_check_instances, ref_check_terms) on every
-- document it applies to, one row per check × document × instance, from the evaluator of its
-- kind: both sides, the difference, the rounding envelope, the outcome (pass, rounding, fail,
-- not_evaluable) and the source lines of the inputs. A failure that a person accepted as the
-- publisher's own error (ref_identity_acknowledgements) is flagged with its evidence; its final
-- outcome is in identity_results.

with

sums as (

    select * from {{ ref('int_checks__sums') }}

),

ratios as (

    select * from {{ ref('int_checks__ratios') }}

),

bounds as (

    select * from {{ ref('int_checks__bounds') }}

),

rules as (

    select * from {{ ref('int_checks__rules') }}

),

document_rules as (

    select * from {{ ref('int_checks__document_rules') }}

),

checks as (

    select * from {{ ref('stg_reference__checks') }}

),

acknowledgements as (

    select * from {{ ref('stg_reference__identity_acknowledgements') }}

),

documents as (

    select * from {{ ref('stg_narrative__documents') }}

),

unioned as (

    select * from sums
    union all by name
    select * from ratios
    union all by name
    select * from bounds
    union all by name
    select * from rules
    union all by name
    select * from document_rules

),

final as (

    select
        ----------  keys
        unioned.identity_id || ':' || unioned.document_id || ':' || unioned.instance
            as identity_check_id,
        unioned.identity_id,
        unioned.document_id,
        unioned.instance,

        ----------  the check
        unioned.suite,
        checks.severity,
        unioned.check_kind,

        ----------  the two sides
        unioned.left_label,
        unioned.left_value,
        unioned.right_label,
        unioned.right_value,
        unioned.difference,
        unioned.envelope,

        ----------  outcome
        unioned.outcome,
        unioned.not_evaluable_reason,
        unioned.implied_input,
        unioned.implied_value,
        acknowledgements.acknowledgement_id is not null as is_acknowledged,
        acknowledgements.evidence as acknowledgement_evidence,

        ----------  inputs chosen between two printings (by the extractor's rule, named)
        unioned.chosen_inputs,

        ----------  lineage
        unioned.source_lines

    from unioned
    inner join checks
        on unioned.identity_id = checks.check_id
    left join documents
        on unioned.document_id = documents.document_id
    -- an acknowledgement holds for the version of the document it was checked in
    left join acknowledgements
        on unioned.document_id = acknowledgements.document_id
        and unioned.identity_id = acknowledgements.identity_id
        and unioned.instance = acknowledgements.instance
        and documents.source_sha256 = acknowledgements.source_sha256

)

select * from final
