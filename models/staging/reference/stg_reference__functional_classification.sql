with

source as (

    select * from {{ ref('ref_functional_classification') }}

),

renamed as (

    select
        ----------  ids
        {{ clean_text('function_code') }} as function_code,
        {{ clean_text('parent_code') }} as parent_code,

        ----------  descriptors
        {{ clean_text('function_name') }} as function_name,
        {{ clean_text('level') }} as level,

        ----------  lineage
        {{ clean_text('source') }} as source

    from source

)

select * from renamed
