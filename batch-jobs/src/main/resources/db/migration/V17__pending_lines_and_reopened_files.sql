-- Lines that wait for their account (files.md): a cash-flow or repayment line whose account is not in
-- the card master yet is stored, not posted, and not a reject. pending_since: the business date of
-- its file; released_on: the run date that found its account and posts it.
ALTER TABLE payment.cash_flow ADD COLUMN pending_since DATE, ADD COLUMN released_on DATE;
ALTER TABLE repayment.repayment ADD COLUMN pending_since DATE, ADD COLUMN released_on DATE;
CREATE INDEX cash_flow_pending ON payment.cash_flow (account_id) WHERE pending_since IS NOT NULL;
CREATE INDEX cash_flow_released ON payment.cash_flow (released_on) WHERE released_on IS NOT NULL;
CREATE INDEX repayment_pending ON repayment.repayment (account_id) WHERE pending_since IS NOT NULL;
CREATE INDEX repayment_released ON repayment.repayment (released_on) WHERE released_on IS NOT NULL;

-- A pending line's masked raw text, for its reject file should its account never come
-- (expired_on: the run date that turned it away).
CREATE TABLE batch.import_pending (
	file_id     BIGINT  NOT NULL REFERENCES batch.import_file (file_id),
	line_number INTEGER NOT NULL,
	raw_line    TEXT    NOT NULL, -- masked: never a full PAN
	expired_on  DATE,
	PRIMARY KEY (file_id, line_number)
);

DROP VIEW IF EXISTS report.import_file;
ALTER TABLE batch.import_file ADD COLUMN pending_count INTEGER;
UPDATE batch.import_file SET pending_count = 0 WHERE detail_count IS NOT NULL;

-- A file an operator re-opened (retake), or whose import an operator abandoned: the next import of
-- the same bytes for that date decides afresh, as a job instance of its own. Who, when and why.
CREATE TABLE batch.file_reopening (
	reopening_id  BIGSERIAL   PRIMARY KEY,
	sha256        CHAR(64)    NOT NULL,
	business_date DATE        NOT NULL,
	file_type     TEXT        NOT NULL,
	file_name     TEXT        NOT NULL,
	file_id       BIGINT      REFERENCES batch.import_file (file_id),
	reason        TEXT        NOT NULL,
	reopened_by   TEXT        NOT NULL,
	reopened_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX file_reopening_by_content ON batch.file_reopening (sha256, business_date);

-- The first posting job of a run date settles the pending lines once (release, turn away).
ALTER TABLE batch.posting_day ADD COLUMN pending_settled_at TIMESTAMPTZ;
UPDATE batch.posting_day SET pending_settled_at = claimed_at;

-- A file's amount total, exact whatever the size of an amount a sender wrote in it (that line is
-- rejected as AMOUNT_OUT_OF_RANGE; the trailer still adds it up).
ALTER TABLE batch.import_file ALTER COLUMN amount_total TYPE NUMERIC;
