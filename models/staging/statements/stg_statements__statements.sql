with

source as (

    select * from {{ ref('raw_statements') }}

),

renamed as (

    select
        ----------  ids
        {{ natural_key(['document_id', 'statement_no']) }} as statement_id,
        {{ clean_text('document_id') }} as document_id,
        cast(statement_no as integer) as statement_no,

        ----------  descriptors
        {{ clean_text('template_title') }} as template_title,
        {{ clean_text('statement_title') }} as statement_title,
        {{ clean_text('classification') }} as classification,
        {{ clean_text('budget_type') }} as budget_type,
        {{ clean_text('status') }} as status,
        {{ clean_text('empty_note') }} as empty_note,
        cast(value_columns as integer) as value_columns,

        ----------  lineage
        cast(first_page as integer) as first_page,
        cast(last_page as integer) as last_page,
        cast(title_line as integer) as title_line,
        cast(empty_note_line as integer) as empty_note_line

    from source

)

select * from renamed
