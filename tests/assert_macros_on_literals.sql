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
        'half_unit: 2 decimals gives 0.005',
        cast({{ half_unit('2') }} as varchar),
        '0.005000'
    union all
    select
        'half_unit: 3 decimals gives 0.0005',
        cast({{ half_unit('3') }} as varchar),
        '0.000500'
    union all
    select
        'half_unit: 0 decimals (a count printed as an integer) gives 0.5',
        cast({{ half_unit('0') }} as varchar),
        '0.500000'
    union all
    select
        'half_unit: type is decimal(18,6)',
        typeof({{ half_unit('2') }}),
        'DECIMAL(18,6)'
    union all
    select
        'half_unit: unknown decimals gives null',
        cast({{ half_unit('7') }} as varchar),
        null
    union all
    select
        'exact_ratio_pct: 1 / 3 rounds down at 6 decimals',
        cast({{ exact_ratio_pct('1', '3') }} as varchar),
        '33.333333'
    union all
    select
        'exact_ratio_pct: -2 / 3 rounds half away from zero',
        cast({{ exact_ratio_pct('-2', '3') }} as varchar),
        '-66.666667'
    union all
    select
        'exact_ratio_pct: 2 / -3 takes the sign of the quotient',
        cast({{ exact_ratio_pct('2', '-3') }} as varchar),
        '-66.666667'
    union all
    select
        'exact_ratio_pct: exact decimals (N5 其他收入 0.30 / 32139.53)',
        cast({{ exact_ratio_pct('0.30::decimal(18,2)', '32139.53::decimal(18,2)') }} as varchar),
        '0.000933'
    union all
    select
        'exact_ratio_pct: decimal(38,6) corners as the models pass them (0.015 / 2.995)',
        cast({{ exact_ratio_pct('0.015::decimal(38,6)', '2.995::decimal(38,6)') }} as varchar),
        '0.500835'
    union all
    select
        'exact_ratio_pct: zero denominator gives null',
        cast({{ exact_ratio_pct('1', '0') }} as varchar),
        null
    union all
    select
        'exact_ratio_pct: type is decimal(38,6)',
        typeof({{ exact_ratio_pct('1', '3') }}),
        'DECIMAL(38,6)'
    union all
    select
        -- regression: a CASE over round() branches unified to DECIMAL(38,0) and returned 43; it
        -- only shows on a wide decimal like the models' decimal(38,6), not on a short literal
        'round_to: keeps the scale (42.572609 to 2 decimals is 42.57, not 43)',
        cast({{ round_to('42.572609::decimal(38,6)', '2') }} as varchar),
        '42.570000'
    union all
    select
        'round_to: 3 decimals',
        cast({{ round_to('0.000933::decimal(38,6)', '3') }} as varchar),
        '0.001000'
    union all
    select
        'round_to: half away from zero on a negative value',
        cast({{ round_to('-0.125::decimal(38,6)', '2') }} as varchar),
        '-0.130000'
    union all
    select
        'round_to: type is decimal(38,6)',
        typeof({{ round_to('42.572609::decimal(38,6)', '2') }}),
        'DECIMAL(38,6)'
    union all
    select
        'sum_outcome: exact is pass',
        {{ sum_outcome('0', '0.02') }},
        'pass'
    union all
    select
        'sum_outcome: inside the envelope is rounding',
        {{ sum_outcome('-0.01', '0.02') }},
        'rounding'
    union all
    select
        'sum_outcome: on the edge of the envelope is rounding',
        {{ sum_outcome('0.02', '0.02') }},
        'rounding'
    union all
    select
        'sum_outcome: outside the envelope is fail',
        {{ sum_outcome('0.03', '0.02') }},
        'fail'
    union all
    select
        'sum_outcome: missing difference is not_evaluable',
        {{ sum_outcome('null', '0.02') }},
        'not_evaluable'
    union all
    select
        'ratio_terms: share is x / y',
        (select numerator || ' / ' || denominator from (select {{ ratio_terms("'share'", '1', '4') }})),
        '1 / 4'
    union all
    select
        'ratio_terms: change is y / (x - y)',
        (select numerator || ' / ' || denominator from (select {{ ratio_terms("'change'", '10', '4') }})),
        '4 / 6'
    union all
    select
        'ratio_terms: variance is (y - x) / x',
        (select numerator || ' / ' || denominator from (select {{ ratio_terms("'variance'", '10', '8') }})),
        '-2 / 10'
    union all
    select
        'sql_string: quotes doubled',
        {{ sql_string("部门's 'x'") }},
        '部门''s ''x'''
    union all
    select
        'sql_string: a number rendered as text',
        {{ sql_string(1) }},
        '1'
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
