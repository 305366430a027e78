-- The evaluator of the document checks that no sum, ratio or bound expresses (kind rule of
-- ref_check_instances, suite document_checks): what a careful reader checks in a document's
-- form and words (docs/DOMAIN.md §8). One row per thing checked, pass or fail:
--   C1 every statement the template prints (and the 目录 lists) is printed, or printed empty;
--   C2 no text of the template's blank form is left in (XX局, XXX万元, 。。。);
--   C3 every year of a heading, the title and the 目录, and every 截至…日 date, is the
--      document's year (截至 the year's 12月31日);
--   C4 the department is named alike on the cover and in every heading and 目录 entry that
--      names it;
--   C5 no total is printed 0 while its parts are not (the sums whose total is 0);
--   WF1 决算数大于/小于/等于预算数 and 持平 agree with the budget and the final amount they
--      compare: a 项's own (its clause), else the first pair of its section;
--   WF2 增加/减少 and 增长/下降 of one change agree (the amount's word and the percent's).

with

documents as (

    select * from {{ ref('stg_narrative__documents') }}

),

sections as (

    select * from {{ ref('stg_narrative__document_sections') }}

),

toc_entries as (

    select * from {{ ref('stg_narrative__toc_entries') }}

),

statements as (

    select * from {{ ref('stg_statements__statements') }}

),

placeholder_hits as (

    select * from {{ ref('stg_narrative__placeholder_hits') }}

),

source_lines as (

    select * from {{ ref('stg_narrative__source_lines') }}

),

figures as (

    select * from {{ ref('stg_narrative__disclosed_figures') }}

),

explanations as (

    select * from {{ ref('stg_narrative__explanations') }}

),

clauses as (

    select * from {{ ref('stg_narrative__functional_clauses') }}

),

sums as (

    select * from {{ ref('int_checks__sums') }}

),

rule_instances as (

    select * from {{ ref('stg_reference__check_instances') }}
    where kind = 'rule' and suite = 'document_checks'

),

-- ---------------------------------------------------------------- C1 statements printed
statement_parts as (

    select document_id, section_code, heading_line
    from sections
    where section_kind = 'statements'

),

listed_statements as (

    -- the 目录's entries under the statements part, by title without spaces and quotes
    select
        toc_entries.document_id,
        toc_entries.entry_title,
        toc_entries.source_line,
        regexp_replace(toc_entries.entry_title, '[\s"“”《》]', '', 'g') as title_key
    from toc_entries
    inner join statement_parts
        on toc_entries.document_id = statement_parts.document_id
        and toc_entries.entry_code like statement_parts.section_code || '.%'

),

statement_titles as (

    select
        *,
        regexp_replace(coalesce(statement_title, template_title), '[\s"“”《》]', '', 'g')
            as title_key,
        regexp_replace(template_title, '[\s"“”《》]', '', 'g') as template_key
    from statements

),

statement_checks as (

    -- each statement the template prints
    select
        'C1' as identity_id,
        statement_titles.document_id,
        '表' || statement_titles.statement_no || ' ' || statement_titles.template_title as instance,
        'statement ' || statement_titles.status
            || coalesce(' (pages ' || statement_titles.first_page || '-'
                || statement_titles.last_page || ')', '') as left_label,
        'printed, or printed empty with its note' as right_label,
        case when statement_titles.status = 'missing' then 'fail' else 'pass' end as outcome,
        coalesce(
            cast(statement_titles.title_line as varchar),
            (
                select string_agg(cast(listed.source_line as varchar), ',')
                from listed_statements as listed
                where listed.document_id = statement_titles.document_id
                    and listed.title_key = statement_titles.template_key
            )
        ) as source_lines
    from statement_titles
    inner join statement_parts
        on statement_titles.document_id = statement_parts.document_id

    union all

    -- each statement the 目录 lists that the template does not know
    select
        'C1',
        listed.document_id,
        '目录 ' || listed.entry_title,
        'listed in the 目录',
        'a statement of the template, printed',
        'fail',
        cast(listed.source_line as varchar)
    from listed_statements as listed
    where not exists (
        select 1 from statement_titles
        where statement_titles.document_id = listed.document_id
            and statement_titles.template_key = listed.title_key
    )

),

-- ---------------------------------------------------------------- C2 placeholders
placeholder_checks as (

    select
        'C2' as identity_id,
        placeholder_hits.document_id,
        'placeholder ' || placeholder_hits.placeholder || ' (line ' || placeholder_hits.source_line
            || ')' as instance,
        placeholder_hits.context as left_label,
        'no text of the blank form' as right_label,
        'fail' as outcome,
        cast(placeholder_hits.source_line as varchar) as source_lines
    from placeholder_hits

    union all

    select
        'C2',
        documents.document_id,
        'no placeholder',
        'the document''s text',
        'no text of the blank form',
        'pass',
        cast(null as varchar)
    from documents
    where documents.document_id not in (select document_id from placeholder_hits)

),

-- ---------------------------------------------------------------- C3 years and dates
heading_years as (

    select
        sections.document_id,
        'heading ' || sections.section_code || ' ' || sections.section_title as what,
        cast(year as integer) as printed_year,
        cast(null as integer) as printed_month,
        cast(null as integer) as printed_day,
        sections.heading_line as source_line
    from sections,
        unnest(regexp_extract_all(sections.section_title, '(\d{4})\s*年', 1)) as years (year)

    union all

    select
        toc_entries.document_id,
        '目录 ' || toc_entries.entry_title,
        cast(year as integer),
        null,
        null,
        toc_entries.source_line
    from toc_entries,
        unnest(regexp_extract_all(toc_entries.entry_title, '(\d{4})\s*年', 1)) as years (year)

    union all

    select
        documents.document_id,
        'title ' || documents.title,
        cast(year as integer),
        null,
        null,
        cast(null as integer)
    from documents,
        unnest(regexp_extract_all(documents.title, '(\d{4})\s*年', 1)) as years (year)

    union all

    select
        source_lines.document_id,
        regexp_extract(source_lines.raw_text, '截至\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日'),
        cast(regexp_extract(source_lines.raw_text, '截至\s*(\d{4})\s*年', 1) as integer),
        cast(regexp_extract(source_lines.raw_text, '截至\s*\d{4}\s*年\s*(\d{1,2})\s*月', 1) as integer),
        cast(regexp_extract(
            source_lines.raw_text, '截至\s*\d{4}\s*年\s*\d{1,2}\s*月\s*(\d{1,2})\s*日', 1
        ) as integer),
        source_lines.source_line
    from source_lines
    where regexp_matches(source_lines.raw_text, '截至\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日')

),

year_checks as (

    select
        'C3' as identity_id,
        heading_years.document_id,
        heading_years.what as instance,
        'printed ' || heading_years.printed_year
            || coalesce('-' || heading_years.printed_month || '-' || heading_years.printed_day, '')
            as left_label,
        'the fiscal year ' || documents.fiscal_year
            || case when heading_years.printed_month is not null then '-12-31' else '' end
            as right_label,
        case
            when heading_years.printed_year <> documents.fiscal_year then 'fail'
            when heading_years.printed_month is not null
                and (heading_years.printed_month <> 12 or heading_years.printed_day <> 31) then 'fail'
            else 'pass'
        end as outcome,
        cast(heading_years.source_line as varchar) as source_lines
    from heading_years
    inner join documents
        on heading_years.document_id = documents.document_id

),

-- ---------------------------------------------------------------- C4 the department's name
named_places as (

    select document_id, 'heading ' || section_code as what, printed_department, heading_line
        as source_line
    from sections
    where printed_department is not null
    union all
    select document_id, '目录 ' || entry_title, printed_department, source_line
    from toc_entries
    where printed_department is not null

),

name_checks as (

    select
        'C4' as identity_id,
        named_places.document_id,
        named_places.what as instance,
        named_places.printed_department as left_label,
        documents.department_name || ' (the cover)' as right_label,
        case when named_places.printed_department = documents.department_name then 'pass'
            else 'fail' end as outcome,
        cast(named_places.source_line as varchar) as source_lines
    from named_places
    inner join documents
        on named_places.document_id = documents.document_id

    union all

    select
        'C4',
        documents.document_id,
        'no heading names the department',
        'the headings (the template''s do not name the department)',
        documents.department_name || ' (the title)',
        'pass',
        cast(null as varchar)
    from documents
    where documents.document_id not in (select document_id from named_places)

),

-- ---------------------------------------------------------------- C5 a total printed as 0
zero_totals as (

    select * from sums
    where left_value = 0 and right_value <> 0 and outcome <> 'not_evaluable'

),

zero_total_checks as (

    select
        'C5' as identity_id,
        document_id,
        identity_id || ' ' || instance as instance,
        left_label || ' printed 0' as left_label,
        right_label || ' = ' || cast(right_value as varchar) as right_label,
        'fail' as outcome,
        source_lines
    from zero_totals

    union all

    select
        'C5',
        documents.document_id,
        'no total printed 0',
        'the totals of the sum identities',
        'none printed 0 while its parts are not',
        'pass',
        cast(null as varchar)
    from documents
    where documents.document_id not in (select document_id from zero_totals)

),

-- ---------------------------------------------------------------- WF1 大于/小于/持平
compared as (

    -- a 项's own comparison: its clause
    select
        clauses.document_id,
        clauses.item_name || ' (clause ' || clauses.clause_no || ')' as what,
        clauses.stated_comparison,
        clauses.budget_initial_wan_yuan as budget,
        clauses.amount_wan_yuan as final,
        cast(clauses.source_line as varchar) || ',' || cast(clauses.source_line_end as varchar)
            as source_lines
    from clauses
    where clauses.stated_comparison is not null and clauses.budget_initial_wan_yuan is not null

    union all

    -- a comparison in words elsewhere: the first budget and final amounts of its section
    select
        explanations.document_id,
        coalesce(explanations.subject, explanations.section_code) || ' ('
            || explanations.section_code || ')',
        explanations.stated_comparison,
        (
            select arg_min(figures.value, figures.figure_seq) from figures
            where figures.document_id = explanations.document_id
                and figures.section_code = explanations.section_code
                and figures.measure in ('budget_initial_amount', 'budget_amount')
        ),
        (
            select arg_min(figures.value, figures.figure_seq) from figures
            where figures.document_id = explanations.document_id
                and figures.section_code = explanations.section_code
                and figures.measure = 'final_amount'
        ),
        cast(explanations.source_line as varchar)
    from explanations
    where explanations.stated_comparison is not null

),

comparison_checks as (

    select
        'WF1' as identity_id,
        document_id,
        what || ': 决算数' || stated_comparison || '预算数' as instance,
        '决算数 ' || coalesce(cast(final as varchar), '?') as left_label,
        '预算数 ' || coalesce(cast(budget as varchar), '?') as right_label,
        case
            when budget is null or final is null then 'not_evaluable'
            -- equal within the printed precision of the two amounts (±0.005 each)
            when stated_comparison in ('等于', '持平', '基本持平') and abs(final - budget) <= 0.01
                then 'pass'
            when stated_comparison = '大于' and final > budget + 0.01 then 'pass'
            when stated_comparison = '小于' and final < budget - 0.01 then 'pass'
            else 'fail'
        end as outcome,
        final as left_value,
        budget as right_value,
        final - budget as difference,
        0.01 as envelope,
        source_lines
    from compared

    union all

    select
        'WF1',
        documents.document_id,
        'no comparison of 决算数 with 预算数 in words',
        'the narrative',
        'nothing to compare',
        'pass',
        null, null, null, null,
        cast(null as varchar)
    from documents
    where documents.document_id not in (select document_id from compared)

),

-- ---------------------------------------------------------------- WF2 增加 with 增长
change_pairs as (

    select
        pct.document_id,
        pct.section_code,
        pct.line_item,
        pct.value as change_pct,
        pct.source_line,
        (
            select arg_max(amount.value, amount.figure_seq) from figures as amount
            where amount.document_id = pct.document_id
                and amount.section_code = pct.section_code
                and amount.line_item = pct.line_item
                and amount.measure = 'change_amount'
                and amount.figure_seq < pct.figure_seq
        ) as change_amount
    from figures as pct
    where pct.measure = 'change_pct'

),

direction_checks as (

    select
        'WF2' as identity_id,
        document_id,
        line_item || ' (' || section_code || ', line ' || source_line || ')' as instance,
        'change ' || cast(change_amount as varchar) || ' 万元' as left_label,
        'change percent ' || cast(change_pct as varchar) || ' %' as right_label,
        case
            when change_amount is null then 'not_evaluable'
            when sign(change_amount) * sign(change_pct) < 0 then 'fail'
            else 'pass'
        end as outcome,
        cast(source_line as varchar) as source_lines
    from change_pairs

    union all

    select
        'WF2',
        documents.document_id,
        'no change printed in words and percent',
        'the narrative',
        'nothing to compare',
        'pass',
        cast(null as varchar)
    from documents
    where documents.document_id not in (select document_id from change_pairs)

),

unioned as (

    select * from statement_checks
    union all by name
    select * from placeholder_checks
    union all by name
    select * from year_checks
    union all by name
    select * from name_checks
    union all by name
    select * from zero_total_checks
    union all by name
    select * from comparison_checks
    union all by name
    select * from direction_checks

),

final as (

    select
        unioned.identity_id,
        unioned.document_id,
        unioned.instance,
        'rule' as check_kind,
        unioned.left_label,
        unioned.right_label,
        -- a check of form, not arithmetic, counts what it found: 1 thing wrong, or none
        cast(unioned.left_value as decimal(18, 3)) as left_value,
        cast(unioned.right_value as decimal(18, 6)) as right_value,
        case when unioned.outcome <> 'not_evaluable' then cast(coalesce(unioned.difference,
            case when unioned.outcome = 'fail' then 1 else 0 end) as decimal(18, 6)) end
            as difference,
        case when unioned.outcome <> 'not_evaluable'
            then cast(coalesce(unioned.envelope, 0) as decimal(18, 6)) end as envelope,
        unioned.outcome,
        case when unioned.outcome = 'not_evaluable'
            then 'an amount the words compare is not printed' end as not_evaluable_reason,
        unioned.source_lines,
        rule_instances.instance_no,
        rule_instances.suite,
        cast(null as decimal(18, 3)) as implied_value,
        cast(null as varchar) as implied_input,
        cast(null as varchar) as chosen_inputs
    from unioned
    inner join rule_instances
        on unioned.identity_id = rule_instances.check_id

)

select * from final
