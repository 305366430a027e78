-- One row per self-evaluation table of 第二部分 十一 (raw_performance_tables): the department
-- table (D) and one per project (P01 …), names raw and cleaned, units, goals and the 总分 row.
-- 总分 with the decimals it was printed with (from the extractor), for envelopes.

with

source as (

    select * from {{ ref('raw_performance_tables') }}

),

renamed as (

    select
        ----------  ids
        {{ natural_key(['document_id', 'table_id']) }} as performance_table_id,
        {{ clean_text('document_id') }} as document_id,
        {{ clean_text('table_id') }} as table_id,
        {{ clean_text('table_kind') }} as table_kind,
        cast(table_seq as integer) as table_seq,

        ----------  names
        {{ clean_text('name_raw') }} as name_raw,
        {{ clean_text('name') }} as name_clean,
        {{ clean_text('name_quality') }} as name_quality,
        cast(name_source_line as integer) as name_source_line,
        {{ clean_text('competent_department_raw') }} as competent_department_raw,
        {{ clean_text('competent_department') }} as competent_department,
        {{ clean_text('implementing_unit_raw') }} as implementing_unit_raw,
        {{ clean_text('implementing_unit') }} as implementing_unit,

        ----------  goals
        {{ clean_text('expected_goal') }} as expected_goal,
        {{ clean_text('actual_goal') }} as actual_goal,
        cast(goal_source_line as integer) as goal_source_line,
        cast(goal_source_line_end as integer) as goal_source_line_end,

        ----------  总分 row
        cast(total_weight as decimal(18, 2)) as total_weight,
        cast(total_score as decimal(18, 2)) as total_score,
        {{ clean_text('total_score_raw') }} as total_score_raw,
        cast(total_score_decimals as integer) as total_score_decimals,
        cast(total_line as integer) as total_line,

        ----------  lineage
        cast(source_line as integer) as source_line,
        cast(source_line_end as integer) as source_line_end,
        cast(raw_text as varchar) as raw_text

    from source

)

select * from renamed
