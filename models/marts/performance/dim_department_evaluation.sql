-- One row per 部门整体支出绩效自评表 (第二部分 十一, table D): the department-level self-evaluation,
-- kept apart from dim_project because it is not a project (its fund rows are 上级 / 本级 / 其他
-- and its indicators carry a 指标值设定依据). Its fund rows and indicators are in fct_project_funding
-- and fct_indicator_result with table_kind 'department' and department_evaluation_id set.

with

tables as (

    select * from {{ ref('stg_performance__tables') }}

),

final as (

    select
        ----------  ids
        performance_table_id as department_evaluation_id,
        document_id,
        table_id,

        ----------  names
        name_clean as department_name,
        name_raw as department_name_raw,
        name_quality,

        ----------  goals
        expected_goal,
        actual_goal,

        ----------  scores
        total_score,

        ----------  lineage
        source_line,
        source_line_end

    from tables
    where table_kind = 'department'

)

select * from final
