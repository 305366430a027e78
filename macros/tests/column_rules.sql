{#- Generic test: the column rules of one model in one query, one test per model. dbt spends
    ~40 ms of Python on every test node however small its query, and the models have ~400
    column rules: as separate unique / not_null / accepted_values / relationships tests they
    were a third of the build's time. Each rule means what dbt's own test of that name means
    (nulls pass unique, accepted_values and relationships; a combination's nulls compare as
    values). Fails with one row per broken rule and value: the rule, the column(s), the value
    (as text) and how many rows hold it. -#}
{% test column_rules(
    model,
    not_null=[],
    unique=[],
    unique_combinations=[],
    accepted_values={},
    relationships={}
) %}

{%- set checks = [] -%}

{%- for column in not_null -%}
{%- set check -%}
    select 'not_null' as rule, '{{ column }}' as column_name, cast(null as varchar) as value,
        count(*) as failing_rows
    from {{ model }}
    where {{ column }} is null
    having count(*) > 0
{%- endset -%}
{%- do checks.append(check) -%}
{%- endfor -%}

{%- for column in unique -%}
{%- set check -%}
    select 'unique' as rule, '{{ column }}' as column_name, cast({{ column }} as varchar) as value,
        count(*) as failing_rows
    from {{ model }}
    where {{ column }} is not null
    group by {{ column }}
    having count(*) > 1
{%- endset -%}
{%- do checks.append(check) -%}
{%- endfor -%}

{%- for columns in unique_combinations -%}
{%- set check -%}
    select 'unique_combination' as rule, '{{ columns | join(", ") }}' as column_name,
        concat_ws(' | ', {% for column in columns %}coalesce(cast({{ column }} as varchar), 'null'){{ ", " if not loop.last }}{% endfor %}) as value,
        count(*) as failing_rows
    from {{ model }}
    group by {{ columns | join(", ") }}
    having count(*) > 1
{%- endset -%}
{%- do checks.append(check) -%}
{%- endfor -%}

{%- for column, values in accepted_values.items() -%}
{%- set check -%}
    select 'accepted_values' as rule, '{{ column }}' as column_name, cast({{ column }} as varchar) as value,
        count(*) as failing_rows
    from {{ model }}
    where {{ column }} not in ({% for value in values %}{{ sql_string(value) }}{{ ", " if not loop.last }}{% endfor %})
    group by {{ column }}
{%- endset -%}
{%- do checks.append(check) -%}
{%- endfor -%}

{%- for column, parent in relationships.items() -%}
{%- set check -%}
    select 'relationships' as rule, '{{ column }} → {{ parent.to.identifier }}.{{ parent.field }}' as column_name,
        cast(child.{{ column }} as varchar) as value, count(*) as failing_rows
    from {{ model }} as child
    left join {{ parent.to }} as parent on child.{{ column }} = parent.{{ parent.field }}
    where child.{{ column }} is not null and parent.{{ parent.field }} is null
    group by child.{{ column }}
{%- endset -%}
{%- do checks.append(check) -%}
{%- endfor -%}

{%- if not checks -%}
{{ exceptions.raise_compiler_error("column_rules on " ~ model ~ " names no rule") }}
{%- endif -%}

{{ checks | join("\nunion all\n") }}

{% endtest %}
