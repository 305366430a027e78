{#- Generic test: none of these columns of the model holds a null. One test per model instead
    of one per column: dbt's cost is per test (~25 ms of Python each), the query's is nothing.
    Fails with one row per column that has nulls, and how many. -#}
{% test not_null_columns(model, columns) %}

select column_name, null_rows
from (
    {%- for column in columns %}
    select '{{ column }}' as column_name, count(*) filter (where {{ column }} is null) as null_rows
    from {{ model }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
)
where null_rows > 0

{% endtest %}
