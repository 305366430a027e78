-- Statements 5, 8 and 9: the spending of each appropriation (一般公共预算, 政府性基金预算, 国有资本经营预算)
-- by 功能分类 code, one row per document × budget type × function code × measure: 基本支出 and 项目支出
-- (basic, project), and for 8 and 9 their 年初结转和结余, 本年收入 and 年末结转和结余. The row's 合计
-- (statement 5) or 本年支出 小计 (8, 9) is beside each row. A blank cell has value NULL and is_blank.

{{ statement_by_function([5, 8, 9], 'measure', 'measure_name') }}
