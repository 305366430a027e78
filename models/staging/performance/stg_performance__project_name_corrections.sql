-- One row per hand-curated correction of a garbled project name (ref_project_name_corrections),
-- each with the quoted evidence from the document. A reference seed staged here, beside the
-- performance tables it corrects.

with

source as (

    select * from {{ ref('ref_project_name_corrections') }}

),

renamed as (

    select
        ----------  ids
        {{ natural_key(['document_id', 'table_id']) }} as performance_table_id,
        {{ clean_text('document_id') }} as document_id,
        {{ clean_text('table_id') }} as table_id,

        ----------  names
        {{ clean_text('name_raw') }} as name_raw,
        {{ clean_text('corrected_name') }} as corrected_name,

        ----------  curation
        {{ clean_text('evidence') }} as evidence,
        {{ clean_text('curated_by') }} as curated_by

    from source

)

select * from renamed
