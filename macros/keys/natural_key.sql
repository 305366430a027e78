{#-
    A readable surrogate key: the natural-key columns cast to text and joined with ':'.
    Null when any part is null, so a not_null test on the key catches an incomplete natural key.
    Literals are passed quoted, e.g. natural_key(['document_id', "'office'", 'office_no']).
-#}
{% macro natural_key(columns, separator=':') -%}
    {%- for column in columns -%}
        cast({{ column }} as varchar){% if not loop.last %} || '{{ separator }}' || {% endif %}
    {%- endfor -%}
{%- endmacro %}
