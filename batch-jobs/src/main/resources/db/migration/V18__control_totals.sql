-- Control totals (the day's reconciliation, files.md and ledger.md): what each rejected line and
-- each duplicate amounted to, as the trailer's amount_total counted it, so that a file's total can
-- be checked against what became of its lines.
ALTER TABLE batch.import_reject ADD COLUMN amount NUMERIC;
ALTER TABLE batch.import_file ADD COLUMN duplicate_amount NUMERIC;

-- The ledger's total owed at the end of each run date's report (the sum over accounts of the
-- invariant's right-hand side), and what was checked against it: the next report checks that the
-- ledger moved by exactly the journal booked in between.
CREATE TABLE batch.ledger_day_total (
	business_date DATE        PRIMARY KEY,
	owed_total    NUMERIC     NOT NULL,
	recorded_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The journal of a run date is read by its date; BRIN: entries arrive in date order, and the index
-- costs the posting jobs next to nothing.
CREATE INDEX ledger_entry_by_date ON card.ledger_entry USING brin (entry_date);
