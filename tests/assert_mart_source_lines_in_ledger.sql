-- Lineage: every source_line a mart row points to is a line of the source-line ledger
-- (dim_source_line) of the same document. Returns the rows whose line cannot be traced.

with

source_lines as (

    select * from {{ ref('dim_source_line') }}

),

{% set traced = [
    ('fct_functional_expenditure', 'functional_expenditure_id', 'source_line'),
    ('fct_functional_expenditure', 'functional_expenditure_id', 'source_line_end'),
    ('fct_functional_class_expenditure', 'functional_class_expenditure_id', 'source_line'),
    ('fct_disclosed_figure', 'disclosed_figure_id', 'source_line'),
    ('fct_unparsed_token', 'unparsed_token_id', 'source_line'),
    ('dim_explanation', 'explanation_id', 'source_line'),
    ('dim_budget_unit', 'budget_unit_id', 'source_line'),
    ('dim_main_function', 'main_function_id', 'source_line'),
    ('dim_glossary_term', 'glossary_term_id', 'source_line'),
    ('dim_basic_expenditure_item', 'basic_expenditure_item_id', 'source_line'),
    ('dim_attached_table', 'attached_table_id', 'source_line'),
] %}

pointers as (

    {% for model, key, line in traced %}
    select
        '{{ model }}.{{ line }}' as pointer,
        {{ key }} as row_id,
        document_id,
        {{ line }} as source_line
    from {{ ref(model) }}
    {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

untraced as (

    select pointers.*
    from pointers
    left join source_lines
        on pointers.document_id = source_lines.document_id
        and pointers.source_line = source_lines.source_line
    where source_lines.source_line_id is null

)

select * from untraced
