-- The glossary of 第三部分 专业名词解释: term and definition.

with

glossary_terms as (

    select * from {{ ref('stg_narrative__glossary_terms') }}

),

final as (

    select
        ----------  ids
        glossary_term_id,
        document_id,
        term_no,

        ----------  descriptors
        term,
        definition,

        ----------  lineage
        source_line,
        raw_text

    from glossary_terms

)

select * from final
