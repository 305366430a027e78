-- Every printed row of the statements with a stable key: a coded row by its code (its level,
-- parent and the names of its 类/款 path); a labelled row by ref_statement_rows (本年收入合计 →
-- current_year_income, 合计 → total); a row numbered 一、二、… is a line of the labelled row it
-- is listed under (the budget types under 年初财政拨款结转和结余), or of its side when none
-- precedes it (the income lines of statement 1).

with

statement_rows as (

    select * from {{ ref('stg_statements__rows') }}

),

statements as (

    select * from {{ ref('stg_statements__statements') }}

),

row_keys as (

    select * from {{ ref('stg_reference__statement_rows') }}

),

economic_classes as (

    select * from {{ ref('stg_reference__economic_classes') }}

),

labelled as (

    select
        statement_rows.*,
        statements.classification,
        translate(statement_rows.row_label, '（）：', '():') as label,
        regexp_matches(coalesce(statement_rows.row_label, ''), '^[一二三四五六七八九十]+、')
            as is_numbered
    from statement_rows
    inner join statements
        on statement_rows.document_id = statements.document_id
        and statement_rows.statement_no = statements.statement_no

),

keyed as (

    select
        labelled.*,
        (
            select any_value(row_keys.row_key)
            from row_keys
            where row_keys.statement_no = labelled.statement_no
                and coalesce(labelled.side, '') like coalesce(row_keys.side, '')
                and coalesce(labelled.label, '') like row_keys.row_label_pattern
        ) as label_key
    from labelled
    where labelled.row_code is null

),

lines as (

    select
        keyed.*,
        case when keyed.is_numbered then last_value(
            case when not keyed.is_numbered then keyed.label_key end ignore nulls
        ) over (
            partition by keyed.document_id, keyed.statement_no, keyed.side
            order by keyed.row_seq
            rows between unbounded preceding and 1 preceding
        ) end as parent_key
    from keyed

),

coded as (

    select
        labelled.*,
        case
            when length(labelled.row_code) = 3 then '类'
            when length(labelled.row_code) = 5 then '款'
            when length(labelled.row_code) = 7 then '项'
        end as level,
        case
            when length(labelled.row_code) > 3 then left(labelled.row_code, length(labelled.row_code) - 2)
            when labelled.classification = 'economic' then (
                select case economic_classes.expense_group
                    when '人员经费' then 'personnel_total' when '公用经费' then 'public_funds_total' end
                from economic_classes
                where economic_classes.class_code = labelled.row_code
            )
            else 'total'
        end as parent_key
    from labelled
    where labelled.row_code is not null

),

paths as (

    -- the names of a coded row's 类 and 款, as the same statement prints them
    select
        coded.*,
        class_row.label as class_label,
        kuan_row.label as kuan_label
    from coded
    left join coded as class_row
        on coded.document_id = class_row.document_id
        and coded.statement_no = class_row.statement_no
        and class_row.row_code = left(coded.row_code, 3)
    left join coded as kuan_row
        on coded.document_id = kuan_row.document_id
        and coded.statement_no = kuan_row.statement_no
        and length(coded.row_code) = 7
        and kuan_row.row_code = left(coded.row_code, 5)

),

final as (

    select
        ----------  ids
        statement_row_id,
        document_id,
        statement_no,
        row_seq,

        ----------  keys
        side,
        row_code,
        row_code as row_key,
        level,
        parent_key,
        classification,

        ----------  names
        row_label,
        label as line_name,
        case level
            when '类' then label || '(类)'
            when '款' then class_label || '(类)' || label || '(款)'
            when '项' then class_label || '(类)' || kuan_label || '(款)' || label || '(项)'
        end as name_path,

        ----------  lineage
        page,
        source_line
    from paths

    union all

    select
        statement_row_id,
        document_id,
        statement_no,
        row_seq,
        side,
        null as row_code,
        case
            when is_numbered then coalesce(parent_key || '_lines', 'lines')
            else label_key
        end as row_key,
        case when is_numbered then 'line' end as level,
        parent_key,
        classification,
        row_label,
        case when is_numbered then regexp_replace(label, '^[一二三四五六七八九十]+、', '')
            else label end as line_name,
        null as name_path,
        page,
        source_line
    from lines

)

select * from final
