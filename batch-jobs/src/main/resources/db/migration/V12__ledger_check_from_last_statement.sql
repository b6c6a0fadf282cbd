-- The ledger check reads only the open cycle of the journal: what the account owed at its latest
-- statement (frozen from the journal up to that closing date), plus the journal since. A year of
-- history then costs no more to check than a month.
CREATE OR REPLACE VIEW report.ledger_check AS
SELECT b.account_id,
       coalesce(s.closing_balance, 0) + coalesce(j.owed, 0) AS journal_owed,
       b.shopping_principal + b.cash_principal + b.billed_interest + b.billed_fees + b.billed_late_charges
           - b.credit_balance AS balance_owed,
       b.shopping_principal + b.cash_principal + b.billed_interest + b.billed_fees + b.billed_late_charges
           - b.credit_balance - coalesce(s.closing_balance, 0) - coalesce(j.owed, 0) AS difference
FROM card.balance b
LEFT JOIN LATERAL (SELECT st.closing_balance, st.closing_date FROM card.statement st
                   WHERE st.account_id = b.account_id ORDER BY st.closing_date DESC LIMIT 1) s ON true
LEFT JOIN LATERAL (SELECT sum(CASE WHEN e.kind IN ('REFUND', 'REPAYMENT') THEN -e.amount ELSE e.amount END) AS owed
                   FROM card.ledger_entry e
                   WHERE e.account_id = b.account_id AND e.entry_date > coalesce(s.closing_date, DATE '1900-01-01')) j
       ON true;
