-- Contract views (spec ledger.md): other systems and auditors query these; the columns are the contract.
CREATE SCHEMA IF NOT EXISTS report;

CREATE VIEW report.import_file AS
SELECT file_name, file_type, business_date, sha256, status, detail_count, accepted_count, rejected_count,
       duplicate_count, reject_reason, file_id, received_at, decided_at
FROM batch.import_file;

CREATE VIEW report.import_reject AS
SELECT f.file_name, r.line_number, r.reason, r.raw_line, f.file_id
FROM batch.import_reject r
JOIN batch.import_file f ON f.file_id = r.file_id;

CREATE VIEW report.cash_flow AS
SELECT c.transaction_id, c.account_id, c.type, c.amount, c.value_date, f.business_date, f.file_name,
       c.currency, c.transacted_at, c.merchant_name, c.mcc, c.card_last4, c.original_transaction_id
FROM payment.cash_flow c
JOIN batch.import_file f ON f.file_id = c.file_id AND f.status = 'ACCEPTED';

CREATE VIEW report.repayment AS
SELECT r.repayment_id, r.account_id, r.amount, r.value_date, f.business_date, f.file_name,
       r.paid_at, r.channel, r.store_code
FROM repayment.repayment r
JOIN batch.import_file f ON f.file_id = r.file_id AND f.status = 'ACCEPTED';

-- The watch list in force: the entries of the latest accepted watch-list file.
CREATE VIEW application.current_watchlist AS
SELECT w.entry_id, w.list_type, w.name_kana, w.name_kanji, w.birth_date
FROM application.watchlist_entry w
WHERE w.file_id = (SELECT max(file_id) FROM batch.import_file WHERE file_type = 'WATCHLIST' AND status = 'ACCEPTED');
