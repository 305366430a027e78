-- 第二部分 十(三) 国有资产占用情况 (at 31 December of the fiscal year): one row per document ×
-- asset item. 房屋 (area in 平方米 and value), 车辆 (count and value) followed by its split by use
-- (副部(省)级及以上领导用车 … 其他用车, counts that add up to 车辆), and 单价100万元(含)以上设备.

with

figures as (

    select * from {{ ref('int_thematic__figures_by_role') }}

),

explanations as (

    select * from {{ ref('int_thematic__explanations_by_role') }}

),

asset_figures as (

    select * from figures
    where theme = 'state_assets' and occurrence_no = 1

),

asset_explanations as (

    select * from explanations
    where theme = 'state_assets'

),

pivoted as (

    select
        document_id,
        component_code,
        any_value(component_name) as component_name,
        any_value(component_order) as component_order,
        any_value(parent_component_code) as parent_component_code,
        max(line_item) filter (where role in ('area', 'count')) as printed_line_item,
        max(unit) filter (where role in ('area', 'count')) as quantity_unit,
        {{ pivot_by_role([
            ('quantity', ['area', 'count']),
            ('value', 'value')
        ]) }}

    from asset_figures
    group by document_id, component_code

),

texts as (

    select
        document_id,
        component_code,
        {{ pivot_by_role([
            ('description', 'description')
        ], text=true) }}

    from asset_explanations
    group by document_id, component_code

),

final as (

    select
        ----------  ids
        {{ natural_key(['pivoted.document_id', 'pivoted.component_code']) }} as state_asset_id,
        pivoted.document_id,
        pivoted.component_code as item_code,
        pivoted.parent_component_code as parent_item_code,

        ----------  names
        case
            when pivoted.component_code = 'buildings' then 'building'
            when pivoted.component_code = 'vehicles' or pivoted.parent_component_code = 'vehicles' then 'vehicle'
            else 'equipment'
        end as asset_class,
        pivoted.component_name as item_name,
        pivoted.printed_line_item,
        pivoted.component_order as item_order,

        ----------  quantities and values
        cast(pivoted.quantity as decimal(18, 2)) as quantity,
        pivoted.quantity_unit,
        {{ to_wan_yuan('pivoted.value') }} as value_wan_yuan,
        texts.description,

        ----------  flags
        pivoted.parent_component_code is null as is_class_total,

        ----------  lineage
        pivoted.quantity_source_line,
        pivoted.value_source_line,
        texts.description_source_line

    from pivoted
    left join texts
        on pivoted.document_id = texts.document_id
        and pivoted.component_code = texts.component_code

)

select * from final
