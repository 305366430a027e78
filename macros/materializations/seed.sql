{#- Seeds loaded by DuckDB's own CSV reader instead of dbt's agate path (which parses every
    row in Python before DuckDB's COPY, and at 200 documents dominated the build). Every
    column is read as text and cast to the type declared in the seed's column_types, in the
    file's column order; a column without a declared type is an error, so money never
    becomes DOUBLE and `007` never 7. -#}
{% materialization seed, adapter='duckdb' %}

  {%- set column_types = config.get('column_types') or {} -%}
  {#- relative to the project folder, where dbt runs (a partial parse may carry the absolute
      path of the folder it was parsed in) -#}
  {%- set path = model.original_file_path -%}
  {%- set delimiter = config.get('delimiter', ',') -%}
  {%- set target_relation = this.incorporate(type='table') -%}
  {%- set source -%}
    read_csv('{{ path }}', header = true, all_varchar = true, delim = '{{ delimiter }}',
             quote = '"', escape = '"', auto_detect = true)
  {%- endset -%}

  {%- set header = run_query('select * from ' ~ source ~ ' limit 0').column_names -%}
  {%- set untyped = header | reject('in', column_types) | list -%}
  {%- if untyped -%}
    {{ exceptions.raise_compiler_error(
        'seed ' ~ model.name ~ ': no column_types for ' ~ (untyped | join(', '))) }}
  {%- endif -%}
  {%- set missing = column_types.keys() | reject('in', header) | list -%}
  {%- if missing -%}
    {{ exceptions.raise_compiler_error(
        'seed ' ~ model.name ~ ': typed columns not in the file: ' ~ (missing | join(', '))) }}
  {%- endif -%}

  {#- dbt's seed runner reads this result; an empty table (no agate copy of the file) -#}
  {%- do store_result('agate_table', response='OK') -%}
  {{ run_hooks(pre_hooks) }}

  {% call statement('main') -%}
    create or replace table {{ target_relation }} as
    select
      {%- for column in header %}
      cast({{ column }} as {{ column_types[column] }}) as {{ column }}{{ ',' if not loop.last }}
      {%- endfor %}
    from {{ source }}
  {%- endcall %}

  {{ run_hooks(post_hooks) }}
  {{ adapter.commit() }}
  {{ return({'relations': [target_relation]}) }}

{% endmaterialization %}
