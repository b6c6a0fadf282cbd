-- Every inbound file the batch has seen, and the lines it turned away.
-- A file's rows become visible to the ledger only when its status flips to ACCEPTED,
-- in one transaction: staged rows are never copied a second time.
CREATE TABLE batch.import_file (
	file_id          BIGSERIAL PRIMARY KEY,
	file_name        TEXT        NOT NULL,
	file_type        TEXT        NOT NULL CHECK (file_type IN ('ACCOUNTS', 'CASH_FLOWS', 'REPAYMENTS', 'APPLICATIONS', 'WATCHLIST', 'CALENDAR')),
	business_date    DATE        NOT NULL,
	sha256           CHAR(64)    NOT NULL,
	size_bytes       BIGINT      NOT NULL,
	source_uri       TEXT        NOT NULL,
	source_version   TEXT,
	status           TEXT        NOT NULL CHECK (status IN ('LOADING', 'ACCEPTED', 'REJECTED', 'DUPLICATE', 'ABANDONED')),
	reject_reason    TEXT,
	detail_count     INTEGER,
	accepted_count   INTEGER,
	rejected_count   INTEGER,
	duplicate_count  INTEGER,
	amount_total     BIGINT,
	job_instance_id  BIGINT,
	received_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
	decided_at       TIMESTAMPTZ
);

-- One accepted file per type and business date: a second, different file is a conflict.
-- The holiday calendar is a full replacement with no business date of its own, so it is exempt.
CREATE UNIQUE INDEX import_file_one_accepted_per_day
	ON batch.import_file (file_type, business_date)
	WHERE status = 'ACCEPTED' AND file_type <> 'CALENDAR';

CREATE INDEX import_file_by_sha ON batch.import_file (sha256);

CREATE TABLE batch.import_reject (
	file_id     BIGINT  NOT NULL REFERENCES batch.import_file (file_id),
	line_number INTEGER NOT NULL,
	reason      TEXT    NOT NULL,
	raw_line    TEXT    NOT NULL, -- masked: never a full PAN
	PRIMARY KEY (file_id, line_number)
);
