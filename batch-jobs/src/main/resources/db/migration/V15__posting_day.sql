-- Which run posts an accepted file's rows: the ledger posts every accepted row exactly once,
-- whatever day its file arrives (ledger.md, "Run dates, expected files and late files").
-- The first ledger job of run date D claims, once, every accepted cash-flow and repayment file
-- of D or earlier that no run has claimed yet; every job and partition of D then posts exactly
-- the files claimed for D. A file accepted after D's claim (a late file) is claimed by the next run.
ALTER TABLE batch.import_file ADD COLUMN posted_on DATE;

-- The run date whose run took the file in: its own date, or a later one for a late file
-- (the file manifest of that run lists it as late).
ALTER TABLE batch.import_file ADD COLUMN taken_in_on DATE;
UPDATE batch.import_file SET taken_in_on = business_date;

-- Files taken in before this version were posted by the run of their own date.
UPDATE batch.import_file SET posted_on = business_date
WHERE status = 'ACCEPTED' AND file_type IN ('CASH_FLOWS', 'REPAYMENTS');

CREATE TABLE batch.posting_day (
	business_date DATE        PRIMARY KEY,
	claimed_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

INSERT INTO batch.posting_day (business_date)
SELECT DISTINCT posted_on FROM batch.import_file WHERE posted_on IS NOT NULL;

CREATE INDEX import_file_to_post ON batch.import_file (posted_on) WHERE status = 'ACCEPTED';


-- Repayments posted after the day they were paid (late files): few, and what accrue-interest looks
-- for each run to catch up late charges.
CREATE INDEX allocation_paid_before_posting ON repayment.allocation (business_date, account_id)
	WHERE value_date < business_date;
