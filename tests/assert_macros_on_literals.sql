-- Runs every project macro on literal values; returns a row for each result that differs from
-- what the macro promises (compared as text, so types are checked through their rendering).

with

cases as (

    select
        'natural_key: parts joined with :' as case_name,
        {{ natural_key(["'d'", "'2.五(三)'", '2']) }} as actual,
        'd:2.五(三):2' as expected
    union all
    select
        'natural_key: custom separator',
        {{ natural_key(["'a'", "'b'"], separator='|') }},
        'a|b'
    union all
    select
        'natural_key: null part gives null key',
        {{ natural_key(["'d'", 'cast(null as integer)']) }},
        null
    union all
    select
        'clean_text: trims',
        {{ clean_text("'  办公室 '") }},
        '办公室'
    union all
    select
        'clean_text: blank becomes null',
        {{ clean_text("'   '") }},
        null
    union all
    select
        'to_wan_yuan: decimal(18,2) value',
        cast({{ to_wan_yuan("'3802.53'") }} as varchar),
        '3802.53'
    union all
    select
        'to_wan_yuan: type is decimal(18,2)',
        typeof({{ to_wan_yuan('1') }}),
        'DECIMAL(18,2)'
    union all
    select
        'to_pct: keeps 3 decimals',
        cast({{ to_pct("'0.125'") }} as varchar),
        '0.125'
    union all
    select
        'to_pct: type is decimal(9,3)',
        typeof({{ to_pct('1') }}),
        'DECIMAL(9,3)'
    union all
    select
        'prior_year_amount: increase',
        cast({{ prior_year_amount('3802.53::decimal(18,2)', '882.46::decimal(18,2)') }} as varchar),
        '2920.07'
    union all
    select
        'prior_year_amount: decrease (negative change)',
        cast({{ prior_year_amount('0.00::decimal(18,2)', '-14.52::decimal(18,2)') }} as varchar),
        '14.52'
    union all
    select
        'prior_year_amount: null change gives null',
        cast({{ prior_year_amount('40.00::decimal(18,2)', 'null') }} as varchar),
        null
    union all
    select
        'generate_schema_name: custom schema used as is',
        '{{ generate_schema_name("marts", none) }}',
        'marts'
    union all
    select
        'generate_schema_name: default is the target schema',
        '{{ generate_schema_name(none, none) }}',
        '{{ target.schema }}'

)

select *
from cases
where actual is distinct from expected
