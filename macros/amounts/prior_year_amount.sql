{#-
    Last year's amount implied by this year's amount and the signed change against last year:
    prior = current - change. Null when the change is null (the text states none): never guessed.
-#}
{% macro prior_year_amount(amount, change) -%}
    case
        when {{ change }} is null then null
        else cast({{ amount }} - {{ change }} as decimal(18, 2))
    end
{%- endmacro %}
