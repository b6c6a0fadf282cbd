-- Each statement keeps its own amount due and due date (ledger.md, "Overdue and late charges"),
-- accruals are kept exact so the close floors their exact sum, a cycle may post a net credit, and
-- one account whose work cannot complete is held for an operator instead of stopping the book.

-- The amount each statement asks for: its minimum payment, less what earlier statements still ask
-- for (they keep their own due dates). principal: what of it is principal (the amount less the
-- statement's own interest, fees and late charges). paid: what the credits toward it add up to,
-- settled_on: the value date of the credit that paid it in full.
CREATE TABLE card.amount_due (
	account_id   CHAR(10) NOT NULL REFERENCES card.account (account_id),
	closing_date DATE     NOT NULL,
	due_date     DATE     NOT NULL,
	amount       BIGINT   NOT NULL CHECK (amount > 0),
	principal    BIGINT   NOT NULL CHECK (principal >= 0 AND principal <= amount),
	paid         BIGINT   NOT NULL DEFAULT 0 CHECK (paid >= 0 AND paid <= amount),
	settled_on   DATE,
	PRIMARY KEY (account_id, closing_date),
	CHECK ((settled_on IS NULL) = (paid < amount))
);
-- the amounts due still unpaid on or after a date: the ledger jobs read these per chunk
CREATE INDEX amount_due_unsettled ON card.amount_due (account_id, (coalesce(settled_on, DATE '9999-12-31')));

-- What counts toward each amount due, by the date it was posted and the date it was paid (value
-- date): repayments, refunds of a billed purchase (billed_since: the date the purchase was posted;
-- only statements closing on or after it billed it), and the net credits a cycle close posts. The
-- credits are taken in order of value date, each toward the oldest amount still unpaid that does not
-- already include it; a credit of an earlier value date posted later takes its place in that order.
CREATE TABLE card.due_credit (
	account_id   CHAR(10) NOT NULL,
	closing_date DATE     NOT NULL,
	posted_on    DATE     NOT NULL,
	value_date   DATE     NOT NULL,
	source       TEXT     NOT NULL CHECK (source IN ('REPAYMENT', 'REFUND', 'CREDIT')),
	amount       BIGINT   NOT NULL CHECK (amount > 0),
	billed_since DATE,
	PRIMARY KEY (account_id, closing_date, posted_on, source, value_date),
	FOREIGN KEY (account_id, closing_date) REFERENCES card.amount_due (account_id, closing_date)
);
CREATE INDEX due_credit_by_posting ON card.due_credit (account_id, posted_on);

-- A cycle's net interest or late charges may be a credit (a late repayment reversing charges
-- already posted); what such a credit pays of principal is a principal movement of its own.
ALTER TABLE card.ledger_entry DROP CONSTRAINT ledger_entry_amount_check;
ALTER TABLE card.ledger_entry ADD CONSTRAINT ledger_entry_amount_check
	CHECK (amount > 0 OR (kind IN ('INTEREST', 'LATE_CHARGE') AND amount < 0));
ALTER TABLE card.principal_movement DROP CONSTRAINT principal_movement_source_check;
ALTER TABLE card.principal_movement ADD CONSTRAINT principal_movement_source_check
	CHECK (source IN ('CASH_FLOW', 'REPAYMENT', 'CREDIT'));

-- Accruals of the cycles not yet posted, exact: Σ principal × apr (percent) per kind and year
-- basis; the exact accrual is the numerator ÷ (100 × basis), floored once at the close.
ALTER TABLE card.balance
	ADD COLUMN interest_numerator_365    NUMERIC(30,2) NOT NULL DEFAULT 0,
	ADD COLUMN interest_numerator_366    NUMERIC(30,2) NOT NULL DEFAULT 0,
	ADD COLUMN late_charge_numerator_365 NUMERIC(30,2) NOT NULL DEFAULT 0,
	ADD COLUMN late_charge_numerator_366 NUMERIC(30,2) NOT NULL DEFAULT 0,
	-- as of accrued_through: the overdue principal late charges accrued on, and the first overdue day
	ADD COLUMN overdue_principal         BIGINT        NOT NULL DEFAULT 0,
	-- the first day the next accrual recomputes (late charges, and no day's interest below zero)
	ADD COLUMN recheck_from              DATE;

UPDATE card.balance b
SET interest_numerator_365 = a.i365, interest_numerator_366 = a.i366,
    late_charge_numerator_365 = a.l365, late_charge_numerator_366 = a.l366
FROM (SELECT d.account_id,
             coalesce(sum(d.principal * d.apr) FILTER (WHERE d.kind = 'INTEREST' AND d.basis = 365), 0) AS i365,
             coalesce(sum(d.principal * d.apr) FILTER (WHERE d.kind = 'INTEREST' AND d.basis = 366), 0) AS i366,
             coalesce(sum(d.principal * d.apr) FILTER (WHERE d.kind = 'LATE_CHARGE' AND d.basis = 365), 0) AS l365,
             coalesce(sum(d.principal * d.apr) FILTER (WHERE d.kind = 'LATE_CHARGE' AND d.basis = 366), 0) AS l366
      FROM card.daily_accrual d JOIN card.balance o ON o.account_id = d.account_id
      WHERE d.cycle_close > o.last_closed_on
      GROUP BY d.account_id) a
WHERE a.account_id = b.account_id;

-- The amounts due a ledger posted before this version still asks for, from the state it kept: what
-- was already past due at the latest close (due the day before it became overdue), and the latest
-- statement's own part. Late charges of the open cycle are recomputed by the next accrual
-- (recheck_from): corrected forward, by catch-up rows, never by rewriting what was posted.
INSERT INTO card.amount_due (account_id, closing_date, due_date, amount, principal, paid, settled_on)
SELECT b.account_id, p.closing_date, b.overdue_since - 1, b.past_due, least(b.past_due_principal, b.past_due),
       least(b.repaid_since_close, b.past_due),
       CASE WHEN b.repaid_since_close >= b.past_due THEN b.accrued_through END
FROM card.balance b
CROSS JOIN LATERAL (SELECT max(s.closing_date) AS closing_date FROM card.statement s
                    WHERE s.account_id = b.account_id AND s.closing_date < b.last_closed_on) p
WHERE b.past_due > 0 AND b.overdue_since IS NOT NULL AND p.closing_date IS NOT NULL;

INSERT INTO card.amount_due (account_id, closing_date, due_date, amount, principal, paid, settled_on)
SELECT b.account_id, b.last_closed_on, b.due_date, b.amount_due - b.past_due,
       greatest(0, least(b.due_principal - b.past_due_principal, b.amount_due - b.past_due)),
       least(greatest(b.repaid_since_close - b.past_due, 0), b.amount_due - b.past_due),
       CASE WHEN b.repaid_since_close >= b.amount_due THEN b.accrued_through END
FROM card.balance b
WHERE b.due_date IS NOT NULL AND b.amount_due - b.past_due > 0;

UPDATE card.balance SET recheck_from = last_closed_on + 1
WHERE accrued_through IS NOT NULL AND accrued_through > last_closed_on;

DROP VIEW IF EXISTS report.account_position;
ALTER TABLE card.balance
	DROP COLUMN interest_365, DROP COLUMN interest_366, DROP COLUMN late_charge_365, DROP COLUMN late_charge_366,
	DROP COLUMN due_date, DROP COLUMN amount_due, DROP COLUMN due_principal, DROP COLUMN past_due,
	DROP COLUMN past_due_principal, DROP COLUMN repaid_since_close, DROP COLUMN principal_repaid_since_close,
	DROP COLUMN repaid_on, DROP COLUMN repaid_that_day, DROP COLUMN principal_repaid_that_day;

-- Accounts held for an operator (ledger.md): nothing of the account was written for that job;
-- every following run of the job retries it, and released_on says when it passed.
CREATE TABLE card.held_account (
	account_id        CHAR(10) NOT NULL,
	job               TEXT     NOT NULL,
	held_since        DATE     NOT NULL,
	business_date     DATE     NOT NULL,
	reason            TEXT     NOT NULL,
	step_execution_id BIGINT,
	released_on       DATE,
	PRIMARY KEY (account_id, job, held_since)
);
CREATE UNIQUE INDEX held_account_current ON card.held_account (account_id, job) WHERE released_on IS NULL;
