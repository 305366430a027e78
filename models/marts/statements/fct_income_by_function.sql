-- Statement 2 (收入决算表): the income of each 功能分类 code by source, one row per document ×
-- function code × income source, with the code's row total (本年收入合计) beside it. Every level is
-- a row (类, 款, 项): sum one level only. A source the row leaves blank has value NULL and
-- is_blank (nothing printed: zero in the accounts' sense).

{{ statement_by_function([2], 'income_source', 'income_source_name') }}
