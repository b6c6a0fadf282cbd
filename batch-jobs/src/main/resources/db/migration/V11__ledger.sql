-- The ledger (spec ledger.md): balances, a daily journal, value-dated principal movements,
-- daily accruals, statements and repayment allocations. Money is BIGINT yen; accruals are
-- exact NUMERIC until a cycle close floors them.

-- One row per account that has had any ledger activity: its balances, the state of its
-- latest statement's amount due, and the per-job "processed through" watermarks that make a
-- rerun of a business date a no-op for accounts already done (close-statements uses last_closed_on).
CREATE TABLE card.balance (
	account_id                   CHAR(10) PRIMARY KEY REFERENCES card.account (account_id),
	shopping_principal           BIGINT   NOT NULL DEFAULT 0 CHECK (shopping_principal >= 0),
	cash_principal               BIGINT   NOT NULL DEFAULT 0 CHECK (cash_principal >= 0),
	billed_interest              BIGINT   NOT NULL DEFAULT 0 CHECK (billed_interest >= 0),
	billed_fees                  BIGINT   NOT NULL DEFAULT 0 CHECK (billed_fees >= 0),
	billed_late_charges          BIGINT   NOT NULL DEFAULT 0 CHECK (billed_late_charges >= 0),
	credit_balance               BIGINT   NOT NULL DEFAULT 0 CHECK (credit_balance >= 0),
	-- accrued, not yet posted, split by year basis because each basis is floored on its own
	interest_365                 NUMERIC(24,12) NOT NULL DEFAULT 0,
	interest_366                 NUMERIC(24,12) NOT NULL DEFAULT 0,
	late_charge_365              NUMERIC(24,12) NOT NULL DEFAULT 0,
	late_charge_366              NUMERIC(24,12) NOT NULL DEFAULT 0,
	-- the latest statement's amount due (its minimum payment, plus any unpaid past-due amount)
	last_closed_on               DATE,
	due_date                     DATE,
	amount_due                   BIGINT   NOT NULL DEFAULT 0,
	due_principal                BIGINT   NOT NULL DEFAULT 0,
	overdue_since                DATE,
	-- what was already overdue when the latest statement closed (part of amount_due)
	past_due                     BIGINT   NOT NULL DEFAULT 0,
	past_due_principal           BIGINT   NOT NULL DEFAULT 0,
	repaid_since_close           BIGINT   NOT NULL DEFAULT 0,
	principal_repaid_since_close BIGINT   NOT NULL DEFAULT 0,
	-- the repayments of the latest business date that had any (accrual needs the start of day)
	repaid_on                    DATE,
	repaid_that_day              BIGINT   NOT NULL DEFAULT 0,
	principal_repaid_that_day    BIGINT   NOT NULL DEFAULT 0,
	-- watermarks
	statements_through           DATE,
	repayments_through           DATE,
	accrued_through              DATE
);

-- The closing date of the cycle that closes in the month of month_start (31, or a day past the
-- month's end, means the last day), and the latest closing date on or before a day: the SQL
-- twins of StatementCycle, for selecting the accounts whose cycle closes.
CREATE FUNCTION card.closing_date(month_start DATE, closing_day SMALLINT) RETURNS DATE
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT month_start + least(closing_day::INTEGER,
	                           extract(DAY FROM month_start + INTERVAL '1 month' - INTERVAL '1 day')::INTEGER) - 1
$$;

CREATE FUNCTION card.closing_on_or_before(day DATE, closing_day SMALLINT) RETURNS DATE
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT CASE WHEN day >= card.closing_date(date_trunc('month', day)::DATE, closing_day)
	            THEN card.closing_date(date_trunc('month', day)::DATE, closing_day)
	            ELSE card.closing_date((date_trunc('month', day) - INTERVAL '1 month')::DATE, closing_day) END
$$;

-- The journal: per account, per date, per kind, the gross amount posted. The primary key makes
-- a second posting of the same kind on the same day for the same account impossible.
CREATE TABLE card.ledger_entry (
	account_id CHAR(10) NOT NULL,
	entry_date DATE     NOT NULL,
	kind       TEXT     NOT NULL CHECK (kind IN ('PURCHASE', 'REFUND', 'CASH_ADVANCE', 'FEE', 'INTEREST', 'LATE_CHARGE', 'REPAYMENT')),
	amount     BIGINT   NOT NULL CHECK (amount > 0),
	PRIMARY KEY (account_id, entry_date, kind)
);

-- How the principal moved, by the business date that posted it and the value date it carries:
-- accrue-interest uses it for the start-of-day principal and for back-valued catch-up.
CREATE TABLE card.principal_movement (
	account_id     CHAR(10) NOT NULL,
	business_date  DATE     NOT NULL,
	value_date     DATE     NOT NULL,
	source         TEXT     NOT NULL CHECK (source IN ('CASH_FLOW', 'REPAYMENT')),
	shopping_delta BIGINT   NOT NULL,
	cash_delta     BIGINT   NOT NULL,
	PRIMARY KEY (account_id, business_date, source, value_date)
);

-- One row per account, day, kind and rate: what that day accrued. Catch-up rows (a back-valued
-- movement booked later) carry the day they are for, the business date that booked them, and
-- the cycle whose close posts them (always the cycle open when they were booked).
CREATE TABLE card.daily_accrual (
	account_id   CHAR(10)       NOT NULL,
	accrual_date DATE           NOT NULL,
	kind         TEXT           NOT NULL CHECK (kind IN ('INTEREST', 'LATE_CHARGE')),
	apr          NUMERIC(5,2)   NOT NULL,
	booked_on    DATE           NOT NULL,
	principal    BIGINT         NOT NULL,
	basis        SMALLINT       NOT NULL CHECK (basis IN (365, 366)),
	amount       NUMERIC(24,12) NOT NULL,
	cycle_close  DATE           NOT NULL,
	catch_up     BOOLEAN        NOT NULL,
	PRIMARY KEY (account_id, booked_on, accrual_date, kind, apr)
);
CREATE INDEX daily_accrual_by_cycle ON card.daily_accrual (account_id, cycle_close);

CREATE TABLE card.statement (
	account_id      CHAR(10) NOT NULL,
	closing_date    DATE     NOT NULL,
	cycle_start     DATE     NOT NULL,
	due_date        DATE     NOT NULL,
	opening_balance BIGINT   NOT NULL,
	purchases       BIGINT   NOT NULL,
	refunds         BIGINT   NOT NULL,
	cash_advances   BIGINT   NOT NULL,
	fees            BIGINT   NOT NULL,
	interest        BIGINT   NOT NULL,
	late_charges    BIGINT   NOT NULL,
	repayments      BIGINT   NOT NULL,
	closing_balance BIGINT   NOT NULL,
	minimum_payment BIGINT   NOT NULL,
	amount_due      BIGINT   NOT NULL,
	closed_on       DATE     NOT NULL,
	PRIMARY KEY (account_id, closing_date)
);

CREATE TABLE repayment.allocation (
	repayment_id       VARCHAR(32) PRIMARY KEY,
	account_id         CHAR(10)    NOT NULL,
	business_date      DATE        NOT NULL,
	value_date         DATE        NOT NULL,
	amount             BIGINT      NOT NULL,
	late_charges       BIGINT      NOT NULL,
	fees               BIGINT      NOT NULL,
	interest           BIGINT      NOT NULL,
	cash_principal     BIGINT      NOT NULL,
	shopping_principal BIGINT      NOT NULL,
	credit_balance     BIGINT      NOT NULL,
	CHECK (amount = late_charges + fees + interest + cash_principal + shopping_principal + credit_balance)
);

-- Contract views.
-- Overdue (ledger.md): the past-due part carried from an earlier statement is overdue until it is
-- paid; the amount due of the latest statement is overdue after its due date until it is paid.
CREATE VIEW report.account_position AS
SELECT b.account_id,
       b.accrued_through AS as_of,
       b.shopping_principal, b.cash_principal, b.billed_interest, b.billed_fees, b.billed_late_charges,
       b.interest_365 + b.interest_366 AS accrued_interest,
       b.late_charge_365 + b.late_charge_366 AS accrued_late_charge,
       b.credit_balance,
       CASE WHEN o.past_due THEN greatest(b.past_due_principal - b.principal_repaid_since_close, 0)
            WHEN o.due THEN greatest(b.due_principal - b.principal_repaid_since_close, 0)
            ELSE 0 END AS overdue_principal,
       CASE WHEN o.past_due THEN b.accrued_through - b.overdue_since + 1
            WHEN o.due THEN b.accrued_through - b.due_date
            ELSE 0 END AS days_overdue,
       b.last_closed_on, b.due_date, b.amount_due, b.repaid_since_close, b.past_due
FROM card.balance b
CROSS JOIN LATERAL (SELECT b.past_due > b.repaid_since_close AS past_due,
                           b.due_date IS NOT NULL AND b.accrued_through > b.due_date
                               AND b.repaid_since_close < b.amount_due AS due) o;

CREATE VIEW report.statement AS
SELECT account_id, closing_date, cycle_start, due_date, opening_balance, purchases, refunds, cash_advances, fees,
       interest, late_charges, repayments, closing_balance, minimum_payment, amount_due
FROM card.statement;

CREATE VIEW report.repayment_allocation AS
SELECT repayment_id, account_id, late_charges, fees, interest, cash_principal, shopping_principal, credit_balance,
       amount, business_date, value_date
FROM repayment.allocation;

CREATE VIEW report.daily_accrual AS
SELECT account_id, accrual_date, kind, principal, apr, basis, amount, booked_on, cycle_close, catch_up
FROM card.daily_accrual;

-- The ledger invariant of ledger.md, per account: what the journal says is owed against what
-- the balances say. A row with difference <> 0 is an account out of balance.
CREATE VIEW report.ledger_check AS
SELECT b.account_id,
       coalesce(j.owed, 0) AS journal_owed,
       b.shopping_principal + b.cash_principal + b.billed_interest + b.billed_fees + b.billed_late_charges
           - b.credit_balance AS balance_owed,
       b.shopping_principal + b.cash_principal + b.billed_interest + b.billed_fees + b.billed_late_charges
           - b.credit_balance - coalesce(j.owed, 0) AS difference
FROM card.balance b
LEFT JOIN (SELECT account_id,
                  sum(CASE WHEN kind IN ('REFUND', 'REPAYMENT') THEN -amount ELSE amount END) AS owed
           FROM card.ledger_entry GROUP BY account_id) j ON j.account_id = b.account_id;
