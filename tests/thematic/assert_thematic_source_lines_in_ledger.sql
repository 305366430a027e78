-- Lineage of the thematic facts: every *_source_line column of every row points to a line of the
-- source-line ledger (stg_narrative__source_lines) of the same document. Returns the pointers that
-- cannot be traced.

with

source_lines as (

    select * from {{ ref('stg_narrative__source_lines') }}

),

{% set thematic_facts = [
    ('fct_income_expenditure_summary', 'income_expenditure_summary_id'),
    ('fct_income_by_source', 'income_source_id'),
    ('fct_expenditure_by_nature', 'expenditure_nature_id'),
    ('fct_fiscal_appropriation', 'fiscal_appropriation_id'),
    ('fct_three_public_expenses', 'three_public_expense_id'),
    ('fct_public_funds_operating', 'public_funds_operating_id'),
    ('fct_procurement', 'procurement_id'),
    ('fct_state_assets', 'state_asset_id'),
    ('fct_staff', 'staff_category_id'),
    ('fct_organisation', 'organisation_id'),
    ('fct_performance_evaluation_summary', 'performance_evaluation_summary_id'),
    ('fct_basic_expenditure', 'basic_expenditure_id'),
] %}

pointers as (

    {% for model, key in thematic_facts %}
    select
        '{{ model }}.' || pointer_column as pointer,
        row_id,
        document_id,
        source_line
    from (
        unpivot (
            select {{ key }} as row_id, document_id, columns('.*_source_line$')
            from {{ ref(model) }}
        )
        on columns('.*_source_line$')
        into name pointer_column value source_line
    )
    {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

untraced as (

    select pointers.*
    from pointers
    left join source_lines
        on pointers.document_id = source_lines.document_id
        and pointers.source_line = source_lines.source_line
    where source_lines.document_id is null

)

select * from untraced
