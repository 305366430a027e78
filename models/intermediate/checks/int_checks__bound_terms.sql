-- The check registry bound to the documents: one row per term of every concrete instance of
-- every check pattern (ref_check_instances × ref_check_terms) and the input(s) it takes
-- (int_checks__inputs); the evaluators of each kind aggregate these rows.
--   A term binds to the inputs of its theme and role, and of its component (`*`: any). A
--   pattern with terms that bind per component or per group stands for one instance per
--   component or group the document prints (its key); its other terms (document, all) apply to
--   every one of them. A pattern without such terms is one instance per document it applies
--   to. A term with no input, or whose input is not printed, keeps one row without a value,
--   saying why: the evaluators make the instance not_evaluable, naming it.

with

instances as (

    select * from {{ ref('stg_reference__check_instances') }}

),

terms as (

    select * from {{ ref('stg_reference__check_terms') }}

),

inputs as (

    select * from {{ ref('int_checks__inputs') }}

),

subjects as (

    select * from {{ ref('int_checks__document_subjects') }}

),

instance_documents as (

    select instances.*, subjects.document_id
    from instances
    inner join subjects
        on instances.applies_to = subjects.subject

),

document_terms as (

    select instance_documents.check_instance_id, instance_documents.document_id, terms.*
        exclude (check_instance_id)
    from instance_documents
    inner join terms
        on instance_documents.check_instance_id = terms.check_instance_id

),

-- A term names its component (an equality join) or takes any (`*`): two joins, so that the
-- first is a hash join on the component too, not a scan of every input of the theme.
term_inputs as (

    select document_terms.*, inputs.* exclude (document_id, theme, role)
        rename (component_code as input_component_code)
    from document_terms
    inner join inputs
        on document_terms.document_id = inputs.document_id
        and document_terms.theme = inputs.theme
        and document_terms.role = inputs.role
        and document_terms.component_code = inputs.component_code
    union all by name
    select document_terms.*, inputs.* exclude (document_id, theme, role)
        rename (component_code as input_component_code)
    from document_terms
    inner join inputs
        on document_terms.document_id = inputs.document_id
        and document_terms.theme = inputs.theme
        and document_terms.role = inputs.role
    where document_terms.component_code = '*'

),

term_matches as (

    select
        check_instance_id,
        document_id,
        check_term_id,
        theme,
        input_component_code as component_code,
        role,
        label,
        value,
        decimals,
        rounding_radius,
        missing_reason,
        chosen_note,
        source_line,
        case bind
            when 'component' then input_component_code
            when 'group' then group_key
        end as instance_key,
        -- what a bound row joins on: the instance's key for a keyed term, nothing otherwise
        case when bind in ('component', 'group') then
            case bind when 'component' then input_component_code else group_key end
        else '' end as match_key
    from term_inputs

),

keyed_patterns as (

    select distinct check_instance_id
    from terms
    where bind in ('component', 'group')

),

instance_keys as (

    select distinct matches.check_instance_id, matches.document_id, matches.instance_key
    from term_matches as matches
    inner join terms
        on matches.check_term_id = terms.check_term_id
    where terms.bind in ('component', 'group')
        and matches.instance_key is not null
    union all
    select instance_documents.check_instance_id, instance_documents.document_id, null
    from instance_documents
    where instance_documents.check_instance_id not in (select check_instance_id from keyed_patterns)

),

bound as (

    select
        keys.check_instance_id,
        keys.document_id,
        keys.instance_key,
        terms.check_term_id,
        terms.side,
        terms.sign,
        terms.bind,
        terms.theme as term_theme,
        terms.component_code as term_component_code,
        terms.role as term_role,
        terms.constant,
        matches.theme,
        matches.component_code,
        matches.role,
        matches.label,
        matches.value,
        matches.decimals,
        matches.rounding_radius,
        matches.missing_reason,
        matches.chosen_note,
        matches.source_line
    from instance_keys as keys
    inner join terms
        on keys.check_instance_id = terms.check_instance_id
    left join term_matches as matches
        on keys.check_instance_id = matches.check_instance_id
        and keys.document_id = matches.document_id
        and terms.check_term_id = matches.check_term_id
        and matches.match_key
            = case when terms.bind in ('component', 'group') then keys.instance_key else '' end

),

final as (

    select
        ----------  keys
        instances.check_id,
        instances.instance_no,
        bound.document_id,
        replace(instances.instance_label, '{key}', coalesce(bound.instance_key, ''))
            as instance,
        bound.check_term_id,

        ----------  the pattern
        instances.suite,
        instances.kind,
        instances.formula,
        instances.tolerance,
        bound.side,
        bound.sign,

        ----------  the input
        coalesce(bound.theme, bound.term_theme) as theme,
        coalesce(bound.component_code, bound.term_component_code) as component_code,
        coalesce(bound.role, bound.term_role) as role,
        case when bound.term_theme = 'constant' then cast(bound.constant as varchar)
            else bound.label end as label,
        case when bound.term_theme = 'constant' then bound.constant
            else bound.value end::decimal(18, 3) as value,
        case when bound.term_theme = 'constant' then 0 else bound.decimals end as decimals,
        case when bound.term_theme = 'constant' then 0
            else bound.rounding_radius end::decimal(18, 6) as rounding_radius,
        case
            when bound.term_theme = 'constant' then null
            when bound.theme is null then 'not disclosed: ' || bound.term_theme || '.'
                || bound.term_component_code || '.' || bound.term_role
            when bound.value is null then concat(
                coalesce(bound.label || ' ', ''), '(', bound.theme, '.', bound.component_code, '.',
                bound.role, '): ', coalesce(bound.missing_reason, 'not printed')
            )
        end as missing_input,
        bound.chosen_note,

        ----------  lineage
        bound.source_line

    from bound
    inner join instances
        on bound.check_instance_id = instances.check_instance_id

)

select * from final
