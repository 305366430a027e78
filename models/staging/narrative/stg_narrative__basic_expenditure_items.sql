with

source as (

    select * from {{ ref('raw_basic_expenditure_items') }}

),

renamed as (

    select
        ----------  ids
        {{ natural_key(['document_id', 'expense_group', 'item_no']) }} as basic_expenditure_item_id,
        {{ clean_text('document_id') }} as document_id,
        {{ clean_text('expense_group') }} as expense_group,
        cast(item_no as integer) as item_no,

        ----------  descriptors
        {{ clean_text('item_name') }} as item_name,

        ----------  lineage
        cast(source_line as integer) as source_line,
        cast(raw_text as varchar) as raw_text

    from source

)

select * from renamed
