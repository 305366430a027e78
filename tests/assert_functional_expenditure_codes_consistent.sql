-- The codes of each functional expenditure agree with the classification: function_code is a 项
-- whose 款 is kuan_code and whose 类 is class_code. Returns the clauses that disagree.

with

functional_expenditure as (

    select * from {{ ref('fct_functional_expenditure') }}

),

functional_classification as (

    select * from {{ ref('dim_functional_classification') }}

),

compared as (

    select
        functional_expenditure.functional_expenditure_id,
        functional_expenditure.function_code,
        functional_classification.level,
        functional_classification.kuan_code as classification_kuan_code,
        functional_classification.class_code as classification_class_code
    from functional_expenditure
    left join functional_classification
        on functional_expenditure.function_code = functional_classification.function_code
    where functional_classification.level is distinct from '项'
        or functional_classification.kuan_code is distinct from functional_expenditure.kuan_code
        or functional_classification.class_code is distinct from functional_expenditure.class_code

)

select * from compared
