{#- Columns that test a printed percentage against the ratio of two printed inputs, by
    interval arithmetic (DOMAIN.md §5): x and y stand anywhere in [x ± hx], [y ± hy]; the
    ratio num(x, y) / den(x, y) × 100 is monotone in each input, so its range is spanned by
    the four corners. The identity holds when that range meets [printed ± half].
    Comparisons cross-multiply (exact DECIMAL); no division decides an outcome.

    numerator / denominator: SQL templates over the placeholders X and Y, e.g. a share
    ('X', 'Y'), a change percent ('Y', 'X - Y'), a budget variance rate ('Y - X', 'X').
    printed_decimals: the digits printed after the point (its half unit is the radius).
    Yields: expected_value, difference, envelope, outcome, not_evaluable_reason. -#}
{% macro ratio_identity(numerator, denominator, x, hx, y, hy, printed, printed_decimals) -%}
    {%- set half = half_unit(printed_decimals) -%}
    {%- set corners = [] -%}
    {%- for sx in ['-', '+'] -%}{%- for sy in ['-', '+'] -%}
        {%- set cx = 'cast((' ~ x ~ ') ' ~ sx ~ ' (' ~ hx ~ ') as decimal(38, 6))' -%}
        {%- set cy = 'cast((' ~ y ~ ') ' ~ sy ~ ' (' ~ hy ~ ') as decimal(38, 6))' -%}
        {%- do corners.append({
            'num': numerator.replace('X', cx).replace('Y', cy),
            'den': denominator.replace('X', cx).replace('Y', cy)}) -%}
    {%- endfor -%}{%- endfor -%}
    {%- set num = numerator.replace('X', 'cast(' ~ x ~ ' as decimal(38, 6))').replace('Y', 'cast(' ~ y ~ ' as decimal(38, 6))') -%}
    {%- set den = denominator.replace('X', 'cast(' ~ x ~ ' as decimal(38, 6))').replace('Y', 'cast(' ~ y ~ ' as decimal(38, 6))') -%}
    {%- set printed_exact = 'cast(' ~ printed ~ ' as decimal(38, 6))' -%}
    {%- set pole -%}
        ({% for c in corners %}({{ c.den }}) <= 0{% if not loop.last %} or {% endif %}{% endfor %})
    {%- endset -%}
    {%- set holds -%}
        (({% for c in corners %}100 * ({{ c.num }}) <= ({{ printed_exact }} + {{ half }}) * ({{ c.den }}){% if not loop.last %} or {% endif %}{% endfor %})
        and ({% for c in corners %}100 * ({{ c.num }}) >= ({{ printed_exact }} - {{ half }}) * ({{ c.den }}){% if not loop.last %} or {% endif %}{% endfor %}))
    {%- endset -%}
    {{ exact_ratio_pct(num, den) }} as expected_value,
    (({{ printed }}) - {{ exact_ratio_pct(num, den) }})::decimal(38, 6) as difference,
    (({{ half }}) + greatest(
        {% for c in corners %}abs({{ exact_ratio_pct(c.num, c.den) }} - {{ exact_ratio_pct(num, den) }}){% if not loop.last %}, {% endif %}{% endfor %}
    ))::decimal(38, 6) as envelope,
    case
        when ({{ x }}) is null or ({{ y }}) is null or ({{ printed }}) is null then 'not_evaluable'
        when {{ pole }} then 'not_evaluable'
        when {{ round_to(exact_ratio_pct(num, den), printed_decimals) }} = ({{ printed }})
            then 'pass'
        when {{ holds }} then 'rounding'
        else 'fail'
    end as outcome,
    case
        when ({{ x }}) is null or ({{ y }}) is null or ({{ printed }}) is null
            then 'an input is not disclosed'
        when {{ pole }} then 'the denominator is zero within rounding: the percentage is undefined'
    end as not_evaluable_reason
{%- endmacro %}
