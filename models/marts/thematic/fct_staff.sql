-- 第一部分 二 人员情况: one row per document × staff category (实有人数 = 在职人员 + 离休人员 +
-- 退休人员), headcount and the change against last year the document prints.

with

figures as (

    select * from {{ ref('int_thematic__figures_by_role') }}

),

staff_figures as (

    select * from figures
    where theme = 'staff' and occurrence_no = 1

),

pivoted as (

    select
        document_id,
        component_code,
        any_value(component_name) as component_name,
        any_value(component_order) as component_order,
        any_value(parent_component_code) as parent_component_code,
        {{ pivot_by_role([
            ('headcount', 'count'),
            ('change_count', 'change_count')
        ]) }}

    from staff_figures
    group by document_id, component_code

),

final as (

    select
        ----------  ids
        {{ natural_key(['document_id', 'component_code']) }} as staff_category_id,
        document_id,
        component_code as staff_category_code,
        parent_component_code as parent_staff_category_code,

        ----------  names
        component_name as staff_category_name,
        component_order as staff_category_order,

        ----------  counts
        cast(headcount as integer) as headcount,
        cast(change_count as integer) as change_count,

        ----------  flags
        parent_component_code is null as is_total,

        ----------  lineage
        headcount_source_line,
        change_count_source_line

    from pivoted

)

select * from final
