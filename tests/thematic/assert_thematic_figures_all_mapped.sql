-- Coverage of the thematic pivot: every disclosed figure of a thematic section feeds exactly one
-- thematic fact (int_thematic__figures_by_role), and every reason or spending content attaches to a
-- component. Not thematic, so left out: the 类 totals of 五(二) and the 类/款/项 clauses of 五(三)
-- and 八 (fct_functional_class_expenditure, fct_functional_expenditure). Returns the unmapped rows.

with

disclosed_figures as (

    select * from {{ ref('stg_narrative__disclosed_figures') }}

),

explanations as (

    select * from {{ ref('stg_narrative__explanations') }}

),

figures_by_role as (

    select * from {{ ref('int_thematic__figures_by_role') }}

),

explanation_rules as (

    select * from {{ ref('int_thematic__explanation_rules') }}

),

unmapped_figures as (

    select
        'figure' as row_kind,
        disclosed_figures.disclosed_figure_id as row_id,
        disclosed_figures.document_id,
        disclosed_figures.section_code,
        disclosed_figures.line_item as subject,
        disclosed_figures.measure as kind,
        disclosed_figures.source_line

    from disclosed_figures
    left join figures_by_role
        on disclosed_figures.disclosed_figure_id = figures_by_role.disclosed_figure_id
    where figures_by_role.disclosed_figure_id is null
        and disclosed_figures.topic_id not in ('general_public_budget_classes', 'general_public_budget_items')
        and disclosed_figures.line_item not like '%(类)%(款)%(项)%'

),

unmapped_explanations as (

    select
        'explanation' as row_kind,
        explanations.explanation_id as row_id,
        explanations.document_id,
        explanations.section_code,
        explanations.subject,
        explanations.explanation_kind as kind,
        explanations.source_line

    from explanations
    where explanations.explanation_kind in (
        'change_reason', 'budget_variance_reason', 'spending_content', 'difference_reason'
    )
        and explanations.topic_id not in ('general_public_budget_classes', 'general_public_budget_items')
        and not exists (
            select 1
            from explanation_rules
            where explanations.topic_id = explanation_rules.topic_id
                and coalesce(explanations.subject, '') like explanation_rules.subject_pattern
                and explanations.explanation_kind like explanation_rules.kind_pattern
        )

)

select * from unmapped_figures
union all
select * from unmapped_explanations
