-- The check registry: one row per identity or check (seed ref_checks).

with

source as (

    select * from {{ ref('ref_checks') }}

),

final as (

    select
        check_id,
        severity,
        description
    from source

)

select * from final
