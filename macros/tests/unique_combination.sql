{#- Generic test: no two rows share the values of these columns (a composite key), nulls
    compared as values. dbt_utils' unique_combination_of_columns, written here because the
    package hub is out of reach. -#}
{% test unique_combination(model, columns) %}

select {{ columns | join(', ') }}, count(*) as rows_with_these_values
from {{ model }}
group by all
having count(*) > 1

{% endtest %}
