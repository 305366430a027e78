-- Every disclosed figure that belongs to a thematic fact, with the theme, component and role
-- (the measure column it feeds) given by its best-matching rule. The same figure printed twice
-- (e.g. a "三公" amount in the overview sentence and again in 具体情况如下) keeps both rows,
-- numbered by occurrence_no in reading order, so a mart can take the first and keep the
-- second one's line; is_value_consistent says whether all occurrences agree.

with

disclosed_figures as (

    select * from {{ ref('stg_narrative__disclosed_figures') }}

),

figure_rules as (

    select * from {{ ref('int_thematic__figure_rules') }}

),

components as (

    select * from {{ ref('int_thematic__components') }}

),

matched as (

    select
        disclosed_figures.*,
        figure_rules.figure_rule_id,
        figure_rules.theme,
        figure_rules.component_code,
        figure_rules.component_key,
        figure_rules.rule_priority,
        figure_rules.role_override,
        count(*) over (partition by disclosed_figures.disclosed_figure_id) as matched_rule_count,
        row_number() over (
            partition by disclosed_figures.disclosed_figure_id
            order by figure_rules.rule_priority, figure_rules.figure_rule_id
        ) as rule_rank

    from disclosed_figures
    inner join figure_rules
        on disclosed_figures.topic_id = figure_rules.topic_id
        and disclosed_figures.line_item like figure_rules.line_item_pattern
        and disclosed_figures.measure like figure_rules.measure_pattern
        and coalesce(disclosed_figures.unit, '') like figure_rules.unit_pattern

),

best_rule as (

    select
        *,
        -- the standard role of each measure, unless the rule names another
        coalesce(
            role_override,
            case measure
                when 'amount' then 'amount'
                when 'share_pct' then 'share_pct'
                when 'change_amount' then 'change'
                when 'change_pct' then 'change_pct'
                when 'count' then 'count'
                when 'change_count' then 'change_count'
                when 'area' then 'area'
                when 'value_amount' then 'value'
                when 'budget_initial_amount' then 'budget_initial'
                when 'budget_amount' then 'budget'
                when 'final_amount' then 'final'
                when 'executed_amount' then 'executed'
                when 'budget_variance_pct' then 'budget_variance_pct'
                when 'budget_execution_pct' then 'budget_execution_pct'
                when 'score' then 'score'
            end
        ) as role

    from matched
    where rule_rank = 1

),

with_occurrences as (

    select
        *,
        row_number() over (
            partition by document_id, theme, component_code, role
            order by figure_seq
        ) as occurrence_no,
        count(*) over (partition by document_id, theme, component_code, role) as occurrence_count,
        min(value) over (partition by document_id, theme, component_code, role)
        = max(value) over (partition by document_id, theme, component_code, role) as is_value_consistent

    from best_rule

),

final as (

    select
        ----------  ids
        with_occurrences.disclosed_figure_id,
        with_occurrences.document_id,
        with_occurrences.figure_rule_id,
        with_occurrences.component_key,

        ----------  names
        with_occurrences.theme,
        with_occurrences.component_code,
        components.component_name,
        components.component_order,
        components.parent_component_code,
        with_occurrences.role,
        with_occurrences.section_code,
        with_occurrences.line_item,
        with_occurrences.measure,

        ----------  values
        with_occurrences.value,
        with_occurrences.decimals,
        with_occurrences.unit,
        with_occurrences.share_base,

        ----------  occurrences
        cast(with_occurrences.occurrence_no as integer) as occurrence_no,
        cast(with_occurrences.occurrence_count as integer) as occurrence_count,
        cast(with_occurrences.matched_rule_count as integer) as matched_rule_count,

        ----------  flags
        with_occurrences.is_value_consistent,

        ----------  lineage
        with_occurrences.figure_seq,
        with_occurrences.source_line

    from with_occurrences
    left join components
        on with_occurrences.component_key = components.component_key

)

select * from final
