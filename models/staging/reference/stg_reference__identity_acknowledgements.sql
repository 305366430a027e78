with

source as (

    select * from {{ ref('ref_identity_acknowledgements') }}

),

final as (

    select
        document_id || ':' || identity_id || ':' || instance as acknowledgement_id,
        document_id,
        source_sha256,
        identity_id,
        instance,
        evidence,
        acknowledged_by,
        reason
    from source

)

select * from final
