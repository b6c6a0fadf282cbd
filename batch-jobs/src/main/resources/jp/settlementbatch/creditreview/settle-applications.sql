-- The same application twice in one file: identical is a duplicate, different is rejected.
UPDATE application.application_change c
SET reject_reason = CASE WHEN (c.applied_at, c.status, c.name_kanji, c.name_kana, c.birth_date, c.postal_code, c.address, c.phone,
                               c.annual_income, c.employment_type, c.requested_shopping_limit, c.requested_cash_limit,
                               c.declared_other_debt, c.ekyc_status, c.bureau_status, c.bureau_debt_total, c.bureau_delinquent)
                              IS NOT DISTINCT FROM
                              (f.applied_at, f.status, f.name_kanji, f.name_kana, f.birth_date, f.postal_code, f.address, f.phone,
                               f.annual_income, f.employment_type, f.requested_shopping_limit, f.requested_cash_limit,
                               f.declared_other_debt, f.ekyc_status, f.bureau_status, f.bureau_debt_total, f.bureau_delinquent)
                         THEN 'DUPLICATE' ELSE 'DUPLICATE_TRANSACTION' END
FROM (SELECT application_id, min(line_number) AS first_line
      FROM application.application_change WHERE file_id = :file_id
      GROUP BY application_id HAVING count(*) > 1) d
JOIN application.application_change f ON f.file_id = :file_id AND f.line_number = d.first_line
WHERE c.file_id = :file_id AND c.application_id = d.application_id AND c.line_number > d.first_line;

-- An application re-sent unchanged is a duplicate of what was taken in before.
UPDATE application.application_change c
SET reject_reason = 'DUPLICATE'
FROM application.application a
WHERE c.file_id = :file_id AND c.reject_reason IS NULL AND a.application_id = c.application_id
  AND (c.applied_at, c.status, c.name_kanji, c.name_kana, c.birth_date, c.postal_code, c.address, c.phone,
       c.annual_income, c.employment_type, c.requested_shopping_limit, c.requested_cash_limit,
       c.declared_other_debt, c.ekyc_status, c.bureau_status, c.bureau_debt_total, c.bureau_delinquent)
      IS NOT DISTINCT FROM
      (a.applied_at, a.status, a.name_kanji, a.name_kana, a.birth_date, a.postal_code, a.address, a.phone,
       a.annual_income, a.employment_type, a.requested_shopping_limit, a.requested_cash_limit,
       a.declared_other_debt, a.ekyc_status, a.bureau_status, a.bureau_debt_total, a.bureau_delinquent);
