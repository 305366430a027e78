-- One row per indicator row of a self-evaluation table (raw_performance_indicators): 一级 / 二级 /
-- 三级 names, target and actual as printed and parsed, 分值, 得分 with the decimals they were
-- printed with (from the extractor), deviation reason.

with

source as (

    select * from {{ ref('raw_performance_indicators') }}

),

renamed as (

    select
        ----------  ids
        {{ natural_key(['document_id', 'table_id', 'indicator_seq']) }} as indicator_row_id,
        {{ natural_key(['document_id', 'table_id']) }} as performance_table_id,
        {{ clean_text('document_id') }} as document_id,
        {{ clean_text('table_id') }} as table_id,
        cast(indicator_seq as integer) as indicator_seq,

        ----------  names
        {{ clean_text('level1') }} as level1_name,
        {{ clean_text('level1_source') }} as level1_source,
        {{ clean_text('level2') }} as level2_name,
        {{ clean_text('level2_source') }} as level2_source,
        {{ clean_text('name') }} as level3_name,
        {{ clean_text('name_raw') }} as level3_name_raw,
        {{ clean_text('name_quality') }} as name_quality,

        ----------  target
        {{ clean_text('target_raw') }} as target_raw,
        {{ clean_text('target_text') }} as target_text,
        {{ clean_text('target_operator') }} as target_operator,
        cast(target_value as decimal(18, 4)) as target_value,
        {{ clean_text('target_unit') }} as target_unit,
        {{ clean_text('target_kind') }} as target_kind,
        {{ clean_text('basis') }} as basis,

        ----------  actual
        {{ clean_text('actual_raw') }} as actual_raw,
        {{ clean_text('actual_text') }} as actual_text,
        {{ clean_text('actual_operator') }} as actual_operator,
        cast(actual_value as decimal(18, 4)) as actual_value,
        {{ clean_text('actual_unit') }} as actual_unit,
        {{ clean_text('actual_kind') }} as actual_kind,

        ----------  weight and score
        cast(weight as decimal(18, 2)) as weight,
        cast(score as decimal(18, 2)) as score,
        cast(weight_decimals as integer) as weight_decimals,
        cast(score_decimals as integer) as score_decimals,
        {{ clean_text('weight_raw') }} as weight_raw,
        {{ clean_text('score_raw') }} as score_raw,

        ----------  text
        {{ clean_text('deviation_reason') }} as deviation_reason,

        ----------  lineage
        cast(source_line as integer) as source_line,
        cast(source_line_end as integer) as source_line_end,
        cast(first_line as integer) as first_line,
        {{ clean_text('layer_lines') }} as layer_lines,
        cast(raw_text as varchar) as raw_text

    from source

)

select * from renamed
