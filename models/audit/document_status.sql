-- One row per file of documents/ and its status (the DATA Act Broker's rule: a document with
-- an unacknowledged critical finding is not certified; the others are unaffected):
--   certified                        every critical check passes (or within rounding);
--   certified_with_acknowledgements  some critical check fails but a person has checked each
--                                    such failure and accepted it as the publisher's error
--                                    (ref_identity_acknowledgements, for this content hash);
--   failed_checks                    a critical check fails, unacknowledged;
--   rejected_input                   the file could not be read (error_message says why): it
--                                    has no data in the marts.
-- The counts are of audit.identity_results' rows; audit.findings lists them.

with

documents as (

    select * from {{ ref('stg_narrative__documents') }}

),

rejected as (

    select * from {{ ref('stg_narrative__rejected_documents') }}

),

results as (

    select * from {{ ref('identity_results') }}

),

counts as (

    select
        document_id,
        count(*) filter (where severity = 'critical' and outcome = 'fail') as critical_failures,
        count(*) filter (where severity <> 'critical' and outcome = 'fail') as warnings,
        count(*) filter (where severity = 'critical' and outcome = 'acknowledged') as acknowledged,
        count(*) filter (where outcome = 'rounding') as rounding,
        count(*) filter (where outcome = 'not_evaluable') as not_evaluable,
        count(*) filter (where outcome = 'pass') as passes
    from results
    group by document_id

),

readable as (

    select
        documents.document_id,
        documents.source_file,
        documents.source_sha256,
        documents.department_name,
        documents.fiscal_year,
        documents.template_id,
        case
            when coalesce(counts.critical_failures, 0) > 0 then 'failed_checks'
            when coalesce(counts.acknowledged, 0) > 0 then 'certified_with_acknowledgements'
            else 'certified'
        end as status,
        cast(coalesce(counts.critical_failures, 0) as integer) as critical_failures,
        cast(coalesce(counts.warnings, 0) as integer) as warnings,
        cast(coalesce(counts.acknowledged, 0) as integer) as acknowledged,
        cast(coalesce(counts.rounding, 0) as integer) as rounding,
        cast(coalesce(counts.not_evaluable, 0) as integer) as not_evaluable,
        cast(coalesce(counts.passes, 0) as integer) as passes,
        cast(null as varchar) as error_message
    from documents
    left join counts
        on documents.document_id = counts.document_id

),

unreadable as (

    select
        cast(null as varchar) as document_id,
        source_file,
        source_sha256,
        cast(null as varchar) as department_name,
        cast(null as integer) as fiscal_year,
        cast(null as varchar) as template_id,
        'rejected_input' as status,
        0 as critical_failures,
        0 as warnings,
        0 as acknowledged,
        0 as rounding,
        0 as not_evaluable,
        0 as passes,
        error_message
    from rejected

),

final as (

    select * from readable
    union all
    select * from unreadable

)

select * from final
