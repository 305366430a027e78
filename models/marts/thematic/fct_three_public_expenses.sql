-- 第二部分 九 财政拨款"三公"经费: one row per document × component (the total, 因公出国(境)费,
-- 公务用车购置及运行维护费 with its two parts, 公务接待费). The section prints most amounts twice:
-- in the overview sentence (line 202 here) and again under 具体情况如下 (206-212). The first
-- occurrence supplies the value and amount_source_line; the second only its line
-- (amount_second_source_line), so no row is duplicated. int_thematic__figures_by_role checks
-- that the occurrences agree.

with

figures as (

    select * from {{ ref('int_thematic__figures_by_source') }}

),

explanations as (

    select * from {{ ref('int_thematic__explanations_by_role') }}

),

expense_figures as (

    select * from figures
    where theme = 'three_public_expenses'

),

expense_explanations as (

    select * from explanations
    where theme = 'three_public_expenses'

),

pivoted as (

    select
        document_id,
        component_code,
        figure_source,
        any_value(component_name) as component_name,
        any_value(component_order) as component_order,
        any_value(parent_component_code) as parent_component_code,

        {{ pivot_by_role([
            ('amount', 'amount'),
            ('share_pct', 'share_pct', 'share_source_line'),
            ('change', 'change'),
            ('change_pct', 'change_pct'),
            ('budget', 'budget'),
            ('budget_initial', 'budget_initial'),
            ('final', 'final'),
            ('budget_variance_pct', 'budget_variance_pct', 'budget_variance_source_line'),
            ('budget_execution_pct', 'budget_execution_pct'),
            ('outbound_group_count', 'outbound_group_count'),
            ('outbound_person_trip_count', 'outbound_person_trip_count'),
            ('vehicles_purchased_count', 'vehicles_purchased_count'),
            ('vehicles_held_count', 'vehicles_held_count'),
            ('fixed_asset_vehicle_count', 'fixed_asset_vehicle_count'),
            ('reception_batch_count', 'reception_batch_count'),
            ('reception_person_count', 'reception_person_count')
        ], first_occurrence=true) }},
        -- the amount printed twice keeps its second line
        max(source_line) filter (where role = 'amount' and occurrence_no = 2)
            as amount_second_source_line,
        max(line_item) filter (where role = 'amount' and occurrence_no = 1) as printed_line_item

    from expense_figures
    group by document_id, component_code, figure_source

),

texts as (

    select
        document_id,
        component_code,
        {{ pivot_by_role([
            ('change_reason', 'change_reason'),
            ('budget_variance_reason', 'budget_variance_reason'),
            ('spending_content', 'spending_content'),
            ('vehicle_count_difference_reason', 'vehicle_count_difference_reason')
        ], text=true) }}

    from expense_explanations
    group by document_id, component_code

),

final as (

    select
        ----------  ids
        case when pivoted.figure_source = 'narrative'
            then {{ natural_key(['pivoted.document_id', 'pivoted.component_code']) }}
            else {{ natural_key(['pivoted.document_id', 'pivoted.component_code', 'pivoted.figure_source']) }}
        end as three_public_expense_id,
        pivoted.document_id,
        pivoted.component_code,
        pivoted.parent_component_code,

        ----------  names
        pivoted.component_name,
        pivoted.printed_line_item,
        pivoted.component_order,

        ----------  amounts
        {{ to_wan_yuan('pivoted.amount') }} as amount_wan_yuan,
        {{ to_pct('pivoted.share_pct') }} as share_pct,

        ----------  change against last year
        {{ to_wan_yuan('pivoted.change') }} as change_wan_yuan,
        {{ to_pct('pivoted.change_pct') }} as change_pct,
        texts.change_reason,

        ----------  budget against final (全年预算数 vs 决算数)
        {{ to_wan_yuan('pivoted.budget') }} as budget_wan_yuan,
        {{ to_wan_yuan('pivoted.final') }} as final_wan_yuan,
        {{ to_pct('pivoted.budget_variance_pct') }} as budget_variance_pct,
        texts.budget_variance_reason,
        -- where the template states 年初预算 and 完成预算的 % instead (Shanghai 七(一))
        {{ to_wan_yuan('pivoted.budget_initial') }} as budget_initial_wan_yuan,
        {{ to_pct('pivoted.budget_execution_pct') }} as budget_execution_pct,

        ----------  counts
        cast(pivoted.outbound_group_count as integer) as outbound_group_count,
        cast(pivoted.outbound_person_trip_count as integer) as outbound_person_trip_count,
        cast(pivoted.vehicles_purchased_count as integer) as vehicles_purchased_count,
        cast(pivoted.vehicles_held_count as integer) as vehicles_held_count,
        cast(pivoted.fixed_asset_vehicle_count as integer) as fixed_asset_vehicle_count,
        cast(pivoted.reception_batch_count as integer) as reception_batch_count,
        cast(pivoted.reception_person_count as integer) as reception_person_count,

        ----------  text
        texts.spending_content,
        texts.vehicle_count_difference_reason,

        ----------  lineage
        pivoted.amount_source_line,
        pivoted.amount_second_source_line,
        pivoted.share_source_line,
        pivoted.change_source_line,
        pivoted.change_pct_source_line,
        pivoted.budget_source_line,
        pivoted.final_source_line,
        pivoted.budget_variance_source_line,
        pivoted.outbound_group_count_source_line,
        pivoted.outbound_person_trip_count_source_line,
        pivoted.vehicles_purchased_count_source_line,
        pivoted.vehicles_held_count_source_line,
        pivoted.fixed_asset_vehicle_count_source_line,
        pivoted.reception_batch_count_source_line,
        pivoted.reception_person_count_source_line,
        texts.change_reason_source_line,
        texts.budget_variance_reason_source_line,
        texts.spending_content_source_line,
        texts.vehicle_count_difference_reason_source_line,
        pivoted.budget_initial_source_line,
        pivoted.budget_execution_pct_source_line,

        ----------  source
        pivoted.figure_source

    from pivoted
    left join texts
        on pivoted.document_id = texts.document_id
        and pivoted.component_code = texts.component_code
        and pivoted.figure_source = 'narrative'

)

select * from final
