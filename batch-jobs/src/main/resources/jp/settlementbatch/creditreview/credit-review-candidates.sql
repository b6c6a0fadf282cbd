-- Applications for the officers on :business_date: pending review, identity checked (eKYC PASSED),
-- applied on or before the day (Asia/Tokyo), with what the rules need from other rows.
SELECT a.application_id, a.applied_at, a.name_kana, a.name_kanji, a.birth_date, a.annual_income, a.employment_type,
       a.requested_shopping_limit, a.requested_cash_limit, a.declared_other_debt, a.bureau_status,
       a.bureau_debt_total, a.bureau_delinquent, l.first_listed_on,
       -- WATCHLIST_MATCH: same normalized kana, or kanji, and the entry's birth date empty or equal
       EXISTS (SELECT 1 FROM application.current_watchlist w
               WHERE ((w.name_kana_key <> '' AND w.name_kana_key = a.name_kana_key)
                      OR (w.name_kanji_key <> '' AND w.name_kanji_key = a.name_kanji_key))
                 AND (w.birth_date IS NULL OR w.birth_date = a.birth_date)) AS watchlist_match,
       -- DUPLICATE_APPLICANT: another application of the same person applied 0 to 90 days before this one
       -- (on the same day, the one with the larger application_id is flagged)
       EXISTS (SELECT 1 FROM application.application o
               WHERE o.application_id <> a.application_id
                 AND o.name_kana_key = a.name_kana_key AND o.birth_date = a.birth_date AND o.phone_digits = a.phone_digits
                 AND (a.applied_at AT TIME ZONE 'Asia/Tokyo')::date - (o.applied_at AT TIME ZONE 'Asia/Tokyo')::date BETWEEN 0 AND 90
                 AND ((o.applied_at AT TIME ZONE 'Asia/Tokyo')::date < (a.applied_at AT TIME ZONE 'Asia/Tokyo')::date
                      OR o.application_id < a.application_id)) AS duplicate_applicant
FROM application.application a
LEFT JOIN application.credit_review_listing l ON l.application_id = a.application_id
WHERE a.status = 'PENDING_REVIEW' AND a.ekyc_status = 'PASSED'
  AND (a.applied_at AT TIME ZONE 'Asia/Tokyo')::date <= :business_date
