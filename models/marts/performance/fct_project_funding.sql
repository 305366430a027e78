-- One row per fund row of a self-evaluation table (grain: table × fund line): 年初预算数,
-- 全年预算数, 全年执行数, and on the total row 分值, 执行率 and 得分, as printed. Projects carry
-- project_id; the department table (D) carries department_evaluation_id instead (table_kind).

with

tables as (

    select * from {{ ref('stg_performance__tables') }}

),

fund_rows as (

    select * from {{ ref('stg_performance__fund_rows') }}

),

final as (

    select
        ----------  ids
        fund_rows.fund_row_id as project_funding_id,
        case when tables.table_kind = 'project' then fund_rows.performance_table_id end
            as project_id,
        case when tables.table_kind = 'department' then fund_rows.performance_table_id end
            as department_evaluation_id,
        fund_rows.document_id,
        fund_rows.table_id,
        tables.table_kind,
        fund_rows.row_seq,
        fund_rows.row_kind,
        fund_rows.label_raw,

        ----------  amounts
        fund_rows.budget_initial_wan_yuan,
        fund_rows.budget_full_year_wan_yuan,
        fund_rows.executed_wan_yuan,

        ----------  scoring (total row)
        fund_rows.weight,
        fund_rows.execution_rate_pct,
        fund_rows.score,

        ----------  lineage
        fund_rows.source_line

    from fund_rows
    inner join tables
        on fund_rows.performance_table_id = tables.performance_table_id

)

select * from final
