-- One row per finding: every check of a document that did not simply pass (a failure, an
-- acknowledged publisher's error, a gap within rounding, a check the document's inputs do not
-- allow), and every file that could not be read. With what is checked in the document's
-- words, the printed values on each side, the difference and envelope where arithmetic, the
-- pages and lines of the inputs, and a one-line message.

with

results as (

    select * from {{ ref('identity_results') }}
    where outcome <> 'pass'

),

source_lines as (

    select * from {{ ref('stg_narrative__source_lines') }}

),

rejected as (

    select * from {{ ref('stg_narrative__rejected_documents') }}

),

result_lines as (

    select results.identity_check_id, results.document_id, cast(trim(line) as integer) as line
    from results, unnest(string_split(coalesce(results.source_lines, ''), ',')) as lines (line)
    where trim(line) <> ''

),

result_pages as (

    select
        result_lines.identity_check_id,
        array_to_string(list_sort(list_distinct(list(source_lines.page)
            filter (where source_lines.page is not null))), ',') as pages
    from result_lines
    left join source_lines
        on result_lines.document_id = source_lines.document_id
        and result_lines.line = source_lines.source_line
    group by result_lines.identity_check_id

),

checked as (

    select
        results.identity_check_id as finding_id,
        results.document_id,
        results.identity_id as check_id,
        results.suite,
        results.severity,
        results.outcome,
        results.instance as what_is_checked,
        results.left_label,
        results.left_value,
        results.right_label,
        results.right_value,
        results.difference,
        results.envelope,
        nullif(result_pages.pages, '') as pages,
        results.source_lines,
        results.identity_id || ' ' || results.outcome || ': ' || results.instance
            || case when results.outcome = 'not_evaluable'
                then ' (' || coalesce(results.not_evaluable_reason, 'an input is not printed') || ')'
                when results.difference is not null and results.check_kind <> 'rule'
                then ': ' || coalesce(cast(results.left_value as varchar), '?') || ' vs '
                    || coalesce(cast(round(results.right_value, 3) as varchar), '?')
                    || ' (difference ' || cast(round(results.difference, 3) as varchar)
                    || ', envelope ' || cast(round(results.envelope, 3) as varchar) || ')'
                else ': ' || coalesce(results.left_label, '') || ' vs '
                    || coalesce(results.right_label, '')
            end
            || coalesce('; pages ' || nullif(result_pages.pages, ''), '')
            || coalesce('; lines ' || results.source_lines, '') as message
    from results
    left join result_pages
        on results.identity_check_id = result_pages.identity_check_id

),

unreadable as (

    select
        'input:' || source_file as finding_id,
        cast(null as varchar) as document_id,
        'input' as check_id,
        cast(null as varchar) as suite,
        'critical' as severity,
        'rejected' as outcome,
        source_file || ' is read as a final-accounts document' as what_is_checked,
        cast(null as varchar) as left_label,
        cast(null as decimal(18, 3)) as left_value,
        cast(null as varchar) as right_label,
        cast(null as decimal(18, 3)) as right_value,
        cast(null as decimal(18, 6)) as difference,
        cast(null as decimal(18, 6)) as envelope,
        cast(page as varchar) as pages,
        cast(source_line as varchar) as source_lines,
        'rejected: ' || error_message as message
    from rejected

),

final as (

    select * from checked
    union all by name
    select * from unreadable

)

select * from final
