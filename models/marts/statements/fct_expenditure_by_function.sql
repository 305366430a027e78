-- Statement 3 (支出决算表): the spending of each 功能分类 code by nature (基本支出, 项目支出, 上缴上级支出,
-- 经营支出, 对附属单位补助支出), one row per document × function code × nature, with the code's row
-- total (本年支出合计) beside it. Every level is a row (类, 款, 项): sum one level only. A blank
-- cell has value NULL and is_blank.

{{ statement_by_function([3], 'nature', 'nature_name') }}
