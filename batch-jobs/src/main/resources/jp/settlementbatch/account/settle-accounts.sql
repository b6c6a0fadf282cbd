-- The same account twice in one file: identical is a duplicate, different is rejected.
UPDATE card.account_change c
SET reject_reason = CASE WHEN (c.customer_id, c.status, c.opened_on, c.repayment_method, c.shopping_limit, c.cash_limit,
                               c.shopping_apr, c.cash_apr, c.closing_day, c.payment_day)
                              = (f.customer_id, f.status, f.opened_on, f.repayment_method, f.shopping_limit, f.cash_limit,
                                 f.shopping_apr, f.cash_apr, f.closing_day, f.payment_day)
                         THEN 'DUPLICATE' ELSE 'DUPLICATE_TRANSACTION' END
FROM (SELECT account_id, min(line_number) AS first_line
      FROM card.account_change WHERE file_id = :file_id
      GROUP BY account_id HAVING count(*) > 1) d
JOIN card.account_change f ON f.file_id = :file_id AND f.line_number = d.first_line
WHERE c.file_id = :file_id AND c.account_id = d.account_id AND c.line_number > d.first_line;

-- A line that changes nothing is a duplicate of what was taken in before.
UPDATE card.account_change c
SET reject_reason = 'DUPLICATE'
FROM card.account a
WHERE c.file_id = :file_id AND c.reject_reason IS NULL AND a.account_id = c.account_id
  AND (c.customer_id, c.status, c.opened_on, c.repayment_method, c.shopping_limit, c.cash_limit,
       c.shopping_apr, c.cash_apr, c.closing_day, c.payment_day)
    = (a.customer_id, a.status, a.opened_on, a.repayment_method, a.shopping_limit, a.cash_limit,
       a.shopping_apr, a.cash_apr, a.closing_day, a.payment_day);
