-- One row per project of the 项目支出绩效自评表 (第二部分 十一, table_kind project): its name
-- (the curated correction when one exists, else the cleaned name), 主管部门, 实施单位 resolved to
-- dim_budget_unit, goals and the printed 总分. The department table (D) is not a project: it is
-- dim_department_evaluation.
-- 实施单位 resolution: the budget unit (本级 or 下属单位, not 内设科室) of the same document whose name
-- equals it (rule exact), else the one whose name contains it or is contained in it (rule
-- contains / contained); only a single best candidate is taken, otherwise null and unresolved.

with

tables as (

    select * from {{ ref('stg_performance__tables') }}

),

corrections as (

    select * from {{ ref('stg_performance__project_name_corrections') }}

),

budget_units as (

    select * from {{ ref('dim_budget_unit') }}

),

projects as (

    select * from tables where table_kind = 'project'

),

unit_candidates as (

    select
        projects.performance_table_id,
        budget_units.budget_unit_id,
        case
            when budget_units.unit_name = projects.implementing_unit then 'exact'
            when contains(budget_units.unit_name, projects.implementing_unit) then 'contains'
            when contains(projects.implementing_unit, budget_units.unit_name) then 'contained'
        end as match_rule,
        case
            when budget_units.unit_name = projects.implementing_unit then 1
            else 2
        end as match_rank
    from projects
    inner join budget_units
        on projects.document_id = budget_units.document_id
        and budget_units.unit_kind in ('本级', '下属单位')
        and (
            budget_units.unit_name = projects.implementing_unit
            or contains(budget_units.unit_name, projects.implementing_unit)
            or contains(projects.implementing_unit, budget_units.unit_name)
        )

),

best_candidates as (

    select *
    from unit_candidates
    qualify match_rank = min(match_rank) over (partition by performance_table_id)

),

resolved_units as (

    select
        performance_table_id,
        case when count(*) = 1 then any_value(budget_unit_id) end as implementing_unit_id,
        case when count(*) = 1 then any_value(match_rule) else 'ambiguous' end as unit_match_rule
    from best_candidates
    group by performance_table_id

),

final as (

    select
        ----------  ids
        projects.performance_table_id as project_id,
        projects.document_id,
        projects.table_id,
        projects.table_seq as project_seq,
        resolved_units.implementing_unit_id,

        ----------  names
        coalesce(corrections.corrected_name, projects.name_clean) as project_name,
        projects.name_raw as project_name_raw,
        projects.name_clean as project_name_clean,
        case when corrections.corrected_name is not null then 'corrected'
            else projects.name_quality end as name_quality,
        corrections.evidence as name_correction_evidence,
        projects.competent_department,
        projects.implementing_unit,
        coalesce(resolved_units.unit_match_rule, 'unresolved') as unit_match_rule,

        ----------  goals
        projects.expected_goal,
        projects.actual_goal,

        ----------  scores
        projects.total_score,

        ----------  flags
        resolved_units.implementing_unit_id is not null as is_unit_resolved,

        ----------  lineage
        projects.source_line,
        projects.source_line_end

    from projects
    left join corrections
        on projects.performance_table_id = corrections.performance_table_id
    left join resolved_units
        on projects.performance_table_id = resolved_units.performance_table_id

)

select * from final
