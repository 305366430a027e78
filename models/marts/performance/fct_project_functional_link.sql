-- A derived relation, not printed anywhere: a project linked to a 类/款/项 item of
-- fct_functional_expenditure (第二部分 五(三) / 八) of the same document whose 支出决算数 equals the
-- project's 全年执行数 (its 年度资金总额 row) exactly, to the cent (match_rule
-- executed_equals_item_amount; zero amounts are not matched). Flagged is_derived: an equal
-- amount suggests, it does not prove, that the item funds the project; is_unique_match says
-- whether the project matches exactly one item and the item exactly one project.

with

funding as (

    select * from {{ ref('fct_project_funding') }}

),

functional_expenditure as (

    select * from {{ ref('fct_functional_expenditure') }}

),

project_totals as (

    select project_id, document_id, executed_wan_yuan, source_line
    from funding
    where table_kind = 'project' and row_kind = 'total' and executed_wan_yuan > 0

),

matched as (

    select
        project_totals.project_id,
        project_totals.document_id,
        project_totals.executed_wan_yuan,
        project_totals.source_line as project_source_line,
        functional_expenditure.functional_expenditure_id,
        functional_expenditure.function_code,
        functional_expenditure.item_name,
        functional_expenditure.amount_wan_yuan as item_amount_wan_yuan,
        functional_expenditure.source_line as item_source_line,
        count(*) over (partition by project_totals.project_id) as items_per_project,
        count(*) over (partition by functional_expenditure.functional_expenditure_id)
            as projects_per_item
    from project_totals
    inner join functional_expenditure
        on project_totals.document_id = functional_expenditure.document_id
        and project_totals.executed_wan_yuan = functional_expenditure.amount_wan_yuan

),

final as (

    select
        ----------  ids
        {{ natural_key(['project_id', 'functional_expenditure_id'], separator='>') }}
            as project_functional_link_id,
        project_id,
        functional_expenditure_id,
        document_id,
        function_code,

        ----------  names
        item_name,

        ----------  amounts
        executed_wan_yuan,
        item_amount_wan_yuan,

        ----------  flags
        'executed_equals_item_amount' as match_rule,
        true as is_derived,
        items_per_project = 1 and projects_per_item = 1 as is_unique_match,

        ----------  lineage
        project_source_line,
        item_source_line

    from matched

)

select * from final
