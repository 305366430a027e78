-- Every acknowledgement (ref_identity_acknowledgements) names a row of audit.identity_checks
-- that fails: an acknowledgement whose document, identity or instance no longer matches a row
-- (a renamed instance, a re-extracted document) or whose row no longer fails is stale and would
-- silently stop doing anything. Only the documents of this build are judged: an acknowledgement
-- of a document that is not built, or of another version of it (another content hash), has nothing to
-- match. Returns each stale acknowledgement.

with

acknowledgements as (

    select * from {{ ref('stg_reference__identity_acknowledgements') }}

),

identity_checks as (

    select * from {{ ref('identity_checks') }}

),

documents as (

    select * from {{ ref('dim_document') }}

),

matched as (

    select
        acknowledgements.acknowledgement_id,
        identity_checks.identity_check_id,
        identity_checks.outcome,
        identity_checks.is_acknowledged
    from acknowledgements
    left join identity_checks
        on acknowledgements.document_id = identity_checks.document_id
        and acknowledgements.identity_id = identity_checks.identity_id
        and acknowledgements.instance = identity_checks.instance
    -- an acknowledgement of another version of a document is not in force, so not judged
    where exists (
        select 1 from documents
        where documents.document_id = acknowledgements.document_id
            and documents.source_sha256 = acknowledgements.source_sha256
    )

)

select *
from matched
where identity_check_id is null
    or outcome <> 'fail'
    or not is_acknowledged
