{#- The numerator and denominator of a percentage identity of the given kind, from its two
    inputs x and y: a share x / y, a change percent y / (x − y) (x this year's amount, y the
    change, so x − y is last year's), a budget variance rate (y − x) / x (x budget, y final).
    Yields the columns numerator and denominator. -#}
{% macro ratio_terms(kind, x, y) -%}
    case {{ kind }}
        when 'share' then {{ x }}
        when 'change' then {{ y }}
        when 'variance' then {{ y }} - {{ x }}
    end as numerator,
    case {{ kind }}
        when 'share' then {{ y }}
        when 'change' then {{ x }} - {{ y }}
        when 'variance' then {{ x }}
    end as denominator
{%- endmacro %}
