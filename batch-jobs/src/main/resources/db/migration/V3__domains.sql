CREATE SCHEMA IF NOT EXISTS card;
CREATE SCHEMA IF NOT EXISTS payment;
CREATE SCHEMA IF NOT EXISTS repayment;
CREATE SCHEMA IF NOT EXISTS application;

-- Card master, as of the latest accepted accounts file.
CREATE TABLE card.account (
	account_id       CHAR(10)     PRIMARY KEY,
	customer_id      TEXT         NOT NULL,
	status           TEXT         NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'CLOSED')),
	opened_on        DATE         NOT NULL,
	repayment_method TEXT         NOT NULL CHECK (repayment_method IN ('REVOLVING', 'LUMP_SUM')),
	shopping_limit   BIGINT       NOT NULL CHECK (shopping_limit >= 0),
	cash_limit       BIGINT       NOT NULL CHECK (cash_limit >= 0),
	shopping_apr     NUMERIC(5,2) NOT NULL CHECK (shopping_apr BETWEEN 0 AND 20.00),
	cash_apr         NUMERIC(5,2) NOT NULL CHECK (cash_apr BETWEEN 0 AND 20.00),
	closing_day      SMALLINT     NOT NULL CHECK (closing_day BETWEEN 1 AND 28 OR closing_day = 31),
	payment_day      SMALLINT     NOT NULL CHECK (payment_day BETWEEN 1 AND 28 OR payment_day = 31),
	updated_file_id  BIGINT       NOT NULL REFERENCES batch.import_file (file_id)
);

-- Staged lines of an accounts file; applied to card.account when the file is accepted.
CREATE TABLE card.account_change (
	file_id          BIGINT       NOT NULL,
	line_number      INTEGER      NOT NULL,
	account_id       CHAR(10)     NOT NULL,
	customer_id      TEXT         NOT NULL,
	status           TEXT         NOT NULL,
	opened_on        DATE         NOT NULL,
	repayment_method TEXT         NOT NULL,
	shopping_limit   BIGINT       NOT NULL,
	cash_limit       BIGINT       NOT NULL,
	shopping_apr     NUMERIC(5,2) NOT NULL,
	cash_apr         NUMERIC(5,2) NOT NULL,
	closing_day      SMALLINT     NOT NULL,
	payment_day      SMALLINT     NOT NULL,
	reject_reason    TEXT,
	PRIMARY KEY (file_id, line_number)
);

-- Japanese public holidays (Cabinet Office syukujitsu.csv), for due dates.
CREATE TABLE card.public_holiday (
	holiday_date DATE PRIMARY KEY,
	name         TEXT NOT NULL,
	file_id      BIGINT NOT NULL REFERENCES batch.import_file (file_id)
);

-- Cash flows as loaded (COPY) from the processor's files. Visible only through an ACCEPTED file.
CREATE TABLE payment.cash_flow (
	file_id                 BIGINT      NOT NULL,
	line_number             INTEGER     NOT NULL,
	transaction_id          VARCHAR(32) NOT NULL,
	account_id              CHAR(10)    NOT NULL,
	type                    TEXT        NOT NULL,
	amount                  BIGINT      NOT NULL,
	currency                CHAR(3)     NOT NULL,
	transacted_at           TIMESTAMPTZ NOT NULL,
	value_date              DATE        NOT NULL,
	merchant_name           TEXT        NOT NULL,
	mcc                     CHAR(4),
	card_last4              CHAR(4)     NOT NULL,
	original_transaction_id VARCHAR(32),
	reject_reason           TEXT,
	PRIMARY KEY (file_id, line_number)
);
CREATE INDEX cash_flow_by_transaction ON payment.cash_flow (transaction_id);

CREATE TABLE repayment.repayment (
	file_id       BIGINT      NOT NULL,
	line_number   INTEGER     NOT NULL,
	repayment_id  VARCHAR(32) NOT NULL,
	account_id    CHAR(10)    NOT NULL,
	amount        BIGINT      NOT NULL,
	paid_at       TIMESTAMPTZ NOT NULL,
	value_date    DATE        NOT NULL,
	channel       TEXT        NOT NULL,
	store_code    TEXT,
	reject_reason TEXT,
	PRIMARY KEY (file_id, line_number)
);
CREATE INDEX repayment_by_id ON repayment.repayment (repayment_id);

-- Credit applications, as of the latest accepted applications file (officers' decisions come back in later files).
CREATE TABLE application.application (
	application_id           TEXT        PRIMARY KEY,
	applied_at               TIMESTAMPTZ NOT NULL,
	status                   TEXT        NOT NULL,
	name_kanji               TEXT        NOT NULL,
	name_kana                TEXT        NOT NULL,
	birth_date               DATE        NOT NULL,
	postal_code              TEXT        NOT NULL,
	address                  TEXT        NOT NULL,
	phone                    TEXT        NOT NULL,
	annual_income            BIGINT,
	employment_type          TEXT        NOT NULL,
	requested_shopping_limit BIGINT      NOT NULL,
	requested_cash_limit     BIGINT      NOT NULL,
	declared_other_debt      BIGINT,
	ekyc_status              TEXT        NOT NULL,
	bureau_status            TEXT        NOT NULL,
	bureau_debt_total        BIGINT,
	bureau_delinquent        BOOLEAN,
	updated_file_id          BIGINT      NOT NULL REFERENCES batch.import_file (file_id)
);

CREATE TABLE application.application_change (LIKE application.application);
ALTER TABLE application.application_change DROP COLUMN updated_file_id;
ALTER TABLE application.application_change
	ADD COLUMN file_id BIGINT NOT NULL,
	ADD COLUMN line_number INTEGER NOT NULL,
	ADD COLUMN reject_reason TEXT,
	ADD PRIMARY KEY (file_id, line_number);

-- Watch-list entries per file; the current list is the latest accepted file (full replacement).
CREATE TABLE application.watchlist_entry (
	file_id       BIGINT  NOT NULL,
	line_number   INTEGER NOT NULL,
	entry_id      TEXT    NOT NULL,
	list_type     TEXT    NOT NULL,
	name_kana     TEXT    NOT NULL,
	name_kanji    TEXT    NOT NULL,
	birth_date    DATE,
	reject_reason TEXT,
	PRIMARY KEY (file_id, line_number)
);
