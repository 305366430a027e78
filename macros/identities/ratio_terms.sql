{#- The numerator and denominator of a ratio check of the given formula, from its two inputs x
    and y, such that the checked value is 100 × numerator / denominator: a share x / y, a change
    percent y / (x − y) (x this year's amount, y the change, so x − y is last year's), a budget
    variance rate (y − x) / x (x budget, y final), a product x × y / 100 (a score from 分值 and
    执行率 %). Yields the columns numerator and denominator. -#}
{% macro ratio_terms(formula, x, y) -%}
    case {{ formula }}
        when 'share' then {{ x }}
        when 'change' then {{ y }}
        when 'variance' then {{ y }} - {{ x }}
        when 'product' then {{ x }} * {{ y }}
    end as numerator,
    case {{ formula }}
        when 'share' then {{ y }}
        when 'change' then {{ x }} - {{ y }}
        when 'variance' then {{ x }}
        when 'product' then 10000
    end as denominator
{%- endmacro %}
