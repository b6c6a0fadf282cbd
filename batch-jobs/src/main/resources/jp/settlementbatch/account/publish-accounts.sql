INSERT INTO card.account (account_id, customer_id, status, opened_on, repayment_method, shopping_limit, cash_limit,
                          shopping_apr, cash_apr, closing_day, payment_day, updated_file_id)
SELECT account_id, customer_id, status, opened_on, repayment_method, shopping_limit, cash_limit,
       shopping_apr, cash_apr, closing_day, payment_day, file_id
FROM card.account_change
WHERE file_id = :file_id AND reject_reason IS NULL
ORDER BY line_number
ON CONFLICT (account_id) DO UPDATE
SET customer_id = excluded.customer_id, status = excluded.status, opened_on = excluded.opened_on,
    repayment_method = excluded.repayment_method, shopping_limit = excluded.shopping_limit,
    cash_limit = excluded.cash_limit, shopping_apr = excluded.shopping_apr, cash_apr = excluded.cash_apr,
    closing_day = excluded.closing_day, payment_day = excluded.payment_day, updated_file_id = excluded.updated_file_id
-- a late file (of an earlier date) never undoes a change of a later date
WHERE (SELECT business_date FROM batch.import_file WHERE file_id = card.account.updated_file_id)
   <= (SELECT business_date FROM batch.import_file WHERE file_id = excluded.updated_file_id);
