-- How an explanation (reason, spending content, statement, enumeration) attaches to a thematic
-- component: the rule whose topic_id is its section's topic and whose SQL `like` patterns match
-- its subject and kind; the lowest rule_priority wins, then the lowest rule_id (seed
-- ref_explanation_rules), as the models downstream read it.

with

source as (

    select * from {{ ref('ref_explanation_rules') }}

),

final as (

    select
        rule_id,
        topic_id,
        subject_pattern,
        kind_pattern,
        theme,
        component_code,
        role_override,
        rule_priority,
        note
    from source

)

select * from final
