with

documents as (

    select * from {{ ref('stg_narrative__documents') }}

),

disclosed_figures as (

    select * from {{ ref('stg_narrative__disclosed_figures') }}

),

unparsed_tokens as (

    select * from {{ ref('stg_narrative__unparsed_tokens') }}

),

functional_clauses as (

    select * from {{ ref('stg_narrative__functional_clauses') }}

),

figure_counts as (

    select document_id, count(*) as figure_count
    from disclosed_figures
    group by document_id

),

unparsed_token_counts as (

    select document_id, count(*) as unparsed_token_count
    from unparsed_tokens
    group by document_id

),

statuses as (

    select * from {{ ref('document_status') }}

),

clause_counts as (

    select document_id, count(*) as clause_count
    from functional_clauses
    group by document_id

),

final as (

    select
        ----------  ids
        documents.document_id,

        ----------  descriptors
        documents.department_name,
        documents.fiscal_year,
        documents.caliber,
        documents.title,
        documents.template_id,
        documents.caliber_source,

        ----------  status (audit.document_status: certified, certified_with_acknowledgements,
        ----------  failed_checks) and the counts of its findings (audit.findings)
        statuses.status,
        statuses.critical_failures,
        statuses.acknowledged,
        statuses.warnings,

        ----------  lineage
        documents.source_file,
        documents.source_sha256,
        documents.line_count,
        documents.source_kind,
        documents.page_count,

        ----------  counts
        coalesce(figure_counts.figure_count, 0) as figure_count,
        coalesce(unparsed_token_counts.unparsed_token_count, 0) as unparsed_token_count,
        coalesce(clause_counts.clause_count, 0) as clause_count

    from documents
    left join figure_counts
        on documents.document_id = figure_counts.document_id
    left join unparsed_token_counts
        on documents.document_id = unparsed_token_counts.document_id
    left join clause_counts
        on documents.document_id = clause_counts.document_id
    left join statuses
        on documents.document_id = statuses.document_id

)

select * from final
