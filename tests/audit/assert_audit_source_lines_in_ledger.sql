-- Lineage: every line listed in audit.identity_checks.source_lines is a line of the source-line
-- ledger (dim_source_line) of the same document, so each side of an identity can be traced to
-- the printed text. Returns the lines that cannot be traced.

with

identity_checks as (

    select * from {{ ref('identity_checks') }}

),

source_lines as (

    select * from {{ ref('dim_source_line') }}

),

pointers as (

    select
        identity_check_id,
        document_id,
        cast(unnest(string_split(source_lines, ',')) as integer) as source_line
    from identity_checks
    where coalesce(source_lines, '') <> ''

)

select pointers.*
from pointers
left join source_lines
    on pointers.document_id = source_lines.document_id
    and pointers.source_line = source_lines.source_line
where source_lines.source_line_id is null
