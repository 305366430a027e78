-- The check registry: one row per term of an instance pattern (seed ref_check_terms).

with

source as (

    select * from {{ ref('ref_check_terms') }}

),

final as (

    select
        check_id || ':' || instance_no || ':' || row_number() over (
            partition by check_id, instance_no order by side, theme, component_code, role
        ) as check_term_id,
        check_id || ':' || instance_no as check_instance_id,
        check_id,
        instance_no,
        side,
        theme,
        component_code,
        role,
        bind,
        sign,
        constant
    from source

)

select * from final
