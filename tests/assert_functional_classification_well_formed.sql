-- The reference classification is well formed (docs/DOMAIN.md §6): a 类 has 3 digits and no parent, a
-- 款 5 digits under a 类, a 项 7 digits under a 款; a child's code starts with its parent's; and a
-- name occurs at most once among the children of one parent (so matching by name per level and
-- parent can never fan out). Returns the offending codes.

with

classification as (

    select * from {{ ref('dim_functional_classification') }}

),

parents as (

    select function_code, level
    from classification

),

shape_problems as (

    select
        classification.function_code,
        'bad code length, parent level or prefix' as problem
    from classification
    left join parents
        on classification.parent_code = parents.function_code
    where not (
        (classification.level = '类'
            and length(classification.function_code) = 3
            and classification.parent_code is null)
        or (classification.level = '款'
            and length(classification.function_code) = 5
            and parents.level = '类'
            and starts_with(classification.function_code, classification.parent_code))
        or (classification.level = '项'
            and length(classification.function_code) = 7
            and parents.level = '款'
            and starts_with(classification.function_code, classification.parent_code))
    )
        or not regexp_full_match(classification.function_code, '[0-9]+')

),

duplicate_names as (

    select
        string_agg(function_code, ', ') as function_code,
        'name ' || function_name || ' repeated under one parent at level ' || level as problem
    from classification
    group by level, coalesce(parent_code, ''), function_name
    having count(*) > 1

),

final as (

    select * from shape_problems
    union all
    select * from duplicate_names

)

select * from final
