-- The check registry: one row per instance pattern of a check (seed ref_check_instances).

with

source as (

    select * from {{ ref('ref_check_instances') }}

),

final as (

    select
        check_id || ':' || instance_no as check_instance_id,
        check_id,
        instance_no,
        suite,
        applies_to,
        instance as instance_label,
        kind,
        formula,
        tolerance
    from source

)

select * from final
