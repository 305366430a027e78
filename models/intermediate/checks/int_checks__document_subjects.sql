-- What each document has that checks apply to (ref_check_instances.applies_to): a narrative
-- (every document read today), self-evaluation tables and statements (documents that print them).

with

documents as (

    select * from {{ ref('stg_narrative__documents') }}

),

performance_tables as (

    select * from {{ ref('stg_performance__tables') }}

),

statements as (

    select * from {{ ref('stg_statements__statements') }}

),

final as (

    select document_id, 'narrative' as subject from documents
    union all
    select distinct document_id, 'performance_tables' as subject from performance_tables
    union all
    select distinct document_id, 'statements' as subject from statements
    where status <> 'missing'

)

select * from final
