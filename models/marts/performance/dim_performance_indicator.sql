-- The indicator taxonomy of the self-evaluation tables: one row per distinct 一级 / 二级 / 三级
-- name combination per document (the same 三级 indicator in several projects is one row), with
-- how many tables use it. An unprinted name is keyed as '?' (name null).

with

indicators as (

    select * from {{ ref('stg_performance__indicators') }}

),

keyed as (

    select
        {{ natural_key([
            'document_id',
            "coalesce(level1_name, '?')",
            "coalesce(level2_name, '?')",
            "coalesce(level3_name, '?')",
        ], separator='|') }} as performance_indicator_id,
        *
    from indicators

),

final as (

    select
        ----------  ids
        performance_indicator_id,
        any_value(document_id) as document_id,

        ----------  names
        any_value(level1_name) as level1_name,
        any_value(level2_name) as level2_name,
        any_value(level3_name) as level3_name,

        ----------  usage
        count(distinct table_id) as table_count,
        count(*) as indicator_row_count,

        ----------  lineage
        min(source_line) as first_source_line

    from keyed
    group by performance_indicator_id

)

select * from final
