-- The explanations of the narrative (reasons, spending contents, statements …) attached to the
-- thematic components, one row per document × theme × component × role. When a role is explained
-- more than once, the distinct texts are joined in reading order with '；' and the first
-- source line is kept together with the count.

with

explanations as (

    select * from {{ ref('stg_narrative__explanations') }}

),

explanation_rules as (

    select * from {{ ref('int_thematic__explanation_rules') }}

),

components as (

    select * from {{ ref('int_thematic__components') }}

),

matched as (

    select
        explanations.*,
        explanation_rules.explanation_rule_id,
        explanation_rules.theme,
        explanation_rules.component_code,
        explanation_rules.component_key,
        coalesce(explanation_rules.role_override, explanations.explanation_kind) as role,
        row_number() over (
            partition by explanations.explanation_id
            order by explanation_rules.rule_priority, explanation_rules.explanation_rule_id
        ) as rule_rank

    from explanations
    inner join explanation_rules
        on explanations.topic_id = explanation_rules.topic_id
        and coalesce(explanations.subject, '') like explanation_rules.subject_pattern
        and explanations.explanation_kind like explanation_rules.kind_pattern

),

distinct_texts as (

    -- the same reason repeated for one role (e.g. overview and detail) is kept once
    select
        document_id,
        theme,
        component_code,
        component_key,
        role,
        explanation_text,
        any_value(section_code) as section_code,
        min(explanation_seq) as explanation_seq,
        min(source_line) as source_line,
        count(*) as explanation_count

    from matched
    where rule_rank = 1
    group by document_id, theme, component_code, component_key, role, explanation_text

),

aggregated as (

    select
        document_id,
        theme,
        component_code,
        component_key,
        role,
        any_value(section_code) as section_code,
        string_agg(explanation_text, '；' order by explanation_seq) as explanation_text,
        min(source_line) as source_line,
        max(source_line) as last_source_line,
        sum(explanation_count) as explanation_count

    from distinct_texts
    group by document_id, theme, component_code, component_key, role

),

final as (

    select
        ----------  ids
        {{ natural_key(['aggregated.document_id', 'aggregated.component_key', 'aggregated.role']) }} as explanation_role_id,
        aggregated.document_id,
        aggregated.component_key,

        ----------  names
        aggregated.theme,
        aggregated.component_code,
        components.component_name,
        components.component_order,
        components.parent_component_code,
        aggregated.role,
        aggregated.section_code,

        ----------  text
        aggregated.explanation_text,
        cast(aggregated.explanation_count as integer) as explanation_count,

        ----------  lineage
        aggregated.source_line,
        aggregated.last_source_line

    from aggregated
    left join components
        on aggregated.component_key = components.component_key

)

select * from final
