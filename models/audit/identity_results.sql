-- The outcome of every check × document × instance (audit.identity_checks), with a failure
-- accepted as the publisher's own error reported as `acknowledged`: what the quality gate's
-- suites judge, and what an analyst asks ("which documents fail, on what, where?").

with

checks as (

    select * from {{ ref('identity_checks') }}

),

final as (

    select
        * exclude (outcome, is_acknowledged),
        case when outcome = 'fail' and is_acknowledged then 'acknowledged' else outcome end
            as outcome
    from checks

)

select * from final
