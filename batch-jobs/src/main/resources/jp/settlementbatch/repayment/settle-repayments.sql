-- Repayments to accounts that do not exist are rejected (closed accounts may still repay what they owe).
UPDATE repayment.repayment r
SET reject_reason = 'UNKNOWN_ACCOUNT'
WHERE r.file_id = :file_id
  AND NOT EXISTS (SELECT 1 FROM card.account a WHERE a.account_id = r.account_id);

-- A repayment id is unique for ever: the same content again is a duplicate, other content a reject.
UPDATE repayment.repayment c
SET reject_reason = CASE WHEN (c.account_id, c.amount, c.paid_at, c.channel, c.store_code)
                              IS NOT DISTINCT FROM (p.account_id, p.amount, p.paid_at, p.channel, p.store_code)
                         THEN 'DUPLICATE' ELSE 'DUPLICATE_TRANSACTION' END
FROM repayment.repayment p
JOIN batch.import_file f ON f.file_id = p.file_id AND f.status = 'ACCEPTED'
WHERE c.file_id = :file_id AND c.reject_reason IS NULL AND p.repayment_id = c.repayment_id;

UPDATE repayment.repayment c
SET reject_reason = CASE WHEN (c.account_id, c.amount, c.paid_at, c.channel, c.store_code)
                              IS NOT DISTINCT FROM (f.account_id, f.amount, f.paid_at, f.channel, f.store_code)
                         THEN 'DUPLICATE' ELSE 'DUPLICATE_TRANSACTION' END
FROM (SELECT repayment_id, min(line_number) AS first_line
      FROM repayment.repayment WHERE file_id = :file_id AND reject_reason IS NULL
      GROUP BY repayment_id HAVING count(*) > 1) d
JOIN repayment.repayment f ON f.file_id = :file_id AND f.line_number = d.first_line
WHERE c.file_id = :file_id AND c.reject_reason IS NULL AND c.repayment_id = d.repayment_id AND c.line_number > d.first_line;
