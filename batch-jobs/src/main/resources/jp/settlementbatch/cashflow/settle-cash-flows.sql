-- Accounts that do not exist, or are closed, take no new cash flows.
UPDATE payment.cash_flow c
SET reject_reason = v.reason
FROM (SELECT s.line_number,
             CASE WHEN a.account_id IS NULL THEN 'UNKNOWN_ACCOUNT' ELSE 'ACCOUNT_CLOSED' END AS reason
      FROM payment.cash_flow s
      LEFT JOIN card.account a ON a.account_id = s.account_id
      WHERE s.file_id = :file_id AND (a.account_id IS NULL OR a.status = 'CLOSED')) v
WHERE c.file_id = :file_id AND c.line_number = v.line_number;

-- A transaction id is unique for ever: taken in before with the same content is a duplicate, with other content a reject.
UPDATE payment.cash_flow c
SET reject_reason = CASE WHEN (c.account_id, c.type, c.amount, c.transacted_at, c.merchant_name, c.mcc, c.card_last4, c.original_transaction_id)
                              IS NOT DISTINCT FROM
                              (p.account_id, p.type, p.amount, p.transacted_at, p.merchant_name, p.mcc, p.card_last4, p.original_transaction_id)
                         THEN 'DUPLICATE' ELSE 'DUPLICATE_TRANSACTION' END
FROM payment.cash_flow p
JOIN batch.import_file f ON f.file_id = p.file_id AND f.status = 'ACCEPTED'
WHERE c.file_id = :file_id AND c.reject_reason IS NULL AND p.transaction_id = c.transaction_id;

-- The same id twice in this file: the first line counts.
UPDATE payment.cash_flow c
SET reject_reason = CASE WHEN (c.account_id, c.type, c.amount, c.transacted_at, c.merchant_name, c.mcc, c.card_last4, c.original_transaction_id)
                              IS NOT DISTINCT FROM
                              (f.account_id, f.type, f.amount, f.transacted_at, f.merchant_name, f.mcc, f.card_last4, f.original_transaction_id)
                         THEN 'DUPLICATE' ELSE 'DUPLICATE_TRANSACTION' END
FROM (SELECT transaction_id, min(line_number) AS first_line
      FROM payment.cash_flow WHERE file_id = :file_id AND reject_reason IS NULL
      GROUP BY transaction_id HAVING count(*) > 1) d
JOIN payment.cash_flow f ON f.file_id = :file_id AND f.line_number = d.first_line
WHERE c.file_id = :file_id AND c.reject_reason IS NULL AND c.transaction_id = d.transaction_id AND c.line_number > d.first_line;

-- Refunds: a refund needs its purchase (same account), accepted before or in this file, and the refunds
-- of one purchase, taken in line order, never add up to more than the purchase.
SELECT payment.reject_excess_refunds(:file_id);
