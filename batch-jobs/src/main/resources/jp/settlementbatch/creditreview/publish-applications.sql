INSERT INTO application.application (application_id, applied_at, status, name_kanji, name_kana, birth_date, postal_code,
                                     address, phone, annual_income, employment_type, requested_shopping_limit,
                                     requested_cash_limit, declared_other_debt, ekyc_status, bureau_status,
                                     bureau_debt_total, bureau_delinquent, name_kana_key, name_kanji_key, phone_digits,
                                     updated_file_id)
SELECT application_id, applied_at, status, name_kanji, name_kana, birth_date, postal_code, address, phone,
       annual_income, employment_type, requested_shopping_limit, requested_cash_limit, declared_other_debt,
       ekyc_status, bureau_status, bureau_debt_total, bureau_delinquent, name_kana_key, name_kanji_key, phone_digits,
       file_id
FROM application.application_change
WHERE file_id = :file_id AND reject_reason IS NULL
ON CONFLICT (application_id) DO UPDATE
SET applied_at = excluded.applied_at, status = excluded.status, name_kanji = excluded.name_kanji,
    name_kana = excluded.name_kana, birth_date = excluded.birth_date, postal_code = excluded.postal_code,
    address = excluded.address, phone = excluded.phone, annual_income = excluded.annual_income,
    employment_type = excluded.employment_type, requested_shopping_limit = excluded.requested_shopping_limit,
    requested_cash_limit = excluded.requested_cash_limit, declared_other_debt = excluded.declared_other_debt,
    ekyc_status = excluded.ekyc_status, bureau_status = excluded.bureau_status,
    bureau_debt_total = excluded.bureau_debt_total, bureau_delinquent = excluded.bureau_delinquent,
    name_kana_key = excluded.name_kana_key, name_kanji_key = excluded.name_kanji_key,
    phone_digits = excluded.phone_digits, updated_file_id = excluded.updated_file_id
-- a late file (of an earlier date) never undoes a change of a later date
WHERE (SELECT business_date FROM batch.import_file WHERE file_id = application.application.updated_file_id)
   <= (SELECT business_date FROM batch.import_file WHERE file_id = excluded.updated_file_id);
