-- The contract views (ledger.md; the columns are the contract, more are welcome), as they are
-- now: a repeatable migration, so each view's current definition lives here and only here. A
-- versioned migration that must change a column's type drops the view first; this file then
-- creates it again.

CREATE OR REPLACE VIEW report.import_file AS
SELECT file_name, file_type, business_date, sha256, status, detail_count, accepted_count, rejected_count,
       duplicate_count, pending_count, reject_reason, file_id, received_at, decided_at, amount_total
FROM batch.import_file;

CREATE OR REPLACE VIEW report.import_reject AS
SELECT f.file_name, r.line_number, r.reason, r.raw_line, f.file_id
FROM batch.import_reject r
JOIN batch.import_file f ON f.file_id = r.file_id;

CREATE OR REPLACE VIEW report.cash_flow AS
SELECT c.transaction_id, c.account_id, c.type, c.amount, c.value_date, f.business_date, f.file_name,
       c.currency, c.transacted_at, c.merchant_name, c.mcc, c.card_last4, c.original_transaction_id
FROM payment.cash_flow c
JOIN batch.import_file f ON f.file_id = c.file_id AND f.status = 'ACCEPTED'
WHERE c.pending_since IS NULL AND c.reject_reason IS NULL;

CREATE OR REPLACE VIEW report.repayment AS
SELECT r.repayment_id, r.account_id, r.amount, r.value_date, f.business_date, f.file_name,
       r.paid_at, r.channel, r.store_code
FROM repayment.repayment r
JOIN batch.import_file f ON f.file_id = r.file_id AND f.status = 'ACCEPTED'
WHERE r.pending_since IS NULL AND r.reject_reason IS NULL;

-- Lines that wait for their account (files.md): stored, not posted, not rejected.
CREATE OR REPLACE VIEW report.pending_line AS
SELECT f.file_name, c.line_number, c.account_id, c.amount, c.value_date, c.pending_since, f.file_type,
       c.transaction_id AS line_id
FROM payment.cash_flow c
JOIN batch.import_file f ON f.file_id = c.file_id AND f.status = 'ACCEPTED'
WHERE c.pending_since IS NOT NULL AND c.reject_reason IS NULL
UNION ALL
SELECT f.file_name, r.line_number, r.account_id, r.amount, r.value_date, r.pending_since, f.file_type,
       r.repayment_id
FROM repayment.repayment r
JOIN batch.import_file f ON f.file_id = r.file_id AND f.status = 'ACCEPTED'
WHERE r.pending_since IS NOT NULL AND r.reject_reason IS NULL;

-- A position as of its last accrual (as_of). Accrued amounts are shown to 12 places from their exact
-- numerators (ledger.md floors the exact sum at the close). Overdue (ledger.md): the principal late
-- charges accrued on that day, and the days since the oldest amount due still unpaid fell due.
-- amount_due and due_date: what the statements still ask for, in all, and the latest due date.
CREATE OR REPLACE VIEW report.account_position AS
SELECT b.account_id,
       b.accrued_through AS as_of,
       b.shopping_principal, b.cash_principal, b.billed_interest, b.billed_fees, b.billed_late_charges,
       round(b.interest_numerator_365 / 36500 + b.interest_numerator_366 / 36600, 12) AS accrued_interest,
       round(b.late_charge_numerator_365 / 36500 + b.late_charge_numerator_366 / 36600, 12) AS accrued_late_charge,
       b.credit_balance,
       b.overdue_principal,
       CASE WHEN b.overdue_since IS NULL THEN 0 ELSE b.accrued_through - b.overdue_since + 1 END AS days_overdue,
       b.last_closed_on, d.due_date, coalesce(d.amount_due, 0) AS amount_due
FROM card.balance b
LEFT JOIN LATERAL (SELECT max(a.due_date) AS due_date, CAST(sum(a.amount - a.paid) AS BIGINT) AS amount_due FROM card.amount_due a
                   WHERE a.account_id = b.account_id AND a.settled_on IS NULL) d ON true;

-- Accounts held for an operator, until they pass (ledger.md).
CREATE OR REPLACE VIEW report.held_account AS
SELECT account_id, job, business_date, reason, held_since
FROM card.held_account
WHERE released_on IS NULL;

CREATE OR REPLACE VIEW report.statement AS
SELECT account_id, closing_date, cycle_start, due_date, opening_balance, purchases, refunds, cash_advances, fees,
       interest, late_charges, repayments, closing_balance, minimum_payment, amount_due
FROM card.statement;

CREATE OR REPLACE VIEW report.repayment_allocation AS
SELECT repayment_id, account_id, late_charges, fees, interest, cash_principal, shopping_principal, credit_balance,
       amount, business_date, value_date
FROM repayment.allocation;

CREATE OR REPLACE VIEW report.daily_accrual AS
SELECT account_id, accrual_date, kind, principal, apr, basis, amount, booked_on, cycle_close, catch_up
FROM card.daily_accrual;

-- The ledger invariant of ledger.md, per account: what the journal says is owed against what the
-- balances say (difference <> 0: out of balance). It reads only the open cycle of the journal: what
-- the account owed at its latest statement, plus the journal since.
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
