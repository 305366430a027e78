-- What each document has that checks apply to (ref_check_instances.applies_to): a narrative
-- (every document read today), self-evaluation tables (documents that print them).

with

documents as (

    select * from {{ ref('stg_narrative__documents') }}

),

performance_tables as (

    select * from {{ ref('stg_performance__tables') }}

),

final as (

    select document_id, 'narrative' as subject from documents
    union all
    select distinct document_id, 'performance_tables' as subject from performance_tables

)

select * from final
