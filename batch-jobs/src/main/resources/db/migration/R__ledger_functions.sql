-- The ledger's SQL functions, current definitions: closing dates (the SQL twins of StatementCycle,
-- for selecting the accounts whose cycle closes), the partition of an account among n (the one rule
-- every partitioned job and plan-partitions use), and the daily claim of the files a run date posts.

CREATE OR REPLACE FUNCTION card.closing_date(month_start DATE, closing_day SMALLINT) RETURNS DATE
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT month_start + least(closing_day::INTEGER,
	                           extract(DAY FROM month_start + INTERVAL '1 month' - INTERVAL '1 day')::INTEGER) - 1
$$;

-- Written without date_trunc, which on a DATE resolves to its STABLE timestamptz variant and kept
-- this function from being inlined: inlined, a query calling it for a million rows runs about six
-- times faster. The same result as the date_trunc form for every date of 2020-2030 and every
-- closing day.
CREATE OR REPLACE FUNCTION card.closing_on_or_before(day DATE, closing_day SMALLINT) RETURNS DATE
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT CASE WHEN day >= card.closing_date(day - extract(DAY FROM day)::INTEGER + 1, closing_day)
	            THEN card.closing_date(day - extract(DAY FROM day)::INTEGER + 1, closing_day)
	            ELSE card.closing_date((day - extract(DAY FROM day)::INTEGER + 1 - INTERVAL '1 month')::DATE,
	                                   closing_day) END
$$;

CREATE OR REPLACE FUNCTION card.partition_of(account_id CHAR(10), n INTEGER) RETURNS INTEGER
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT (account_id::BIGINT % n)::INTEGER
$$;

-- Claims the files run date d posts; a no-op when d was claimed before (by another job or
-- partition of d), so every partition of d sees the same files.
CREATE OR REPLACE FUNCTION batch.claim_posting_day(d DATE) RETURNS INTEGER LANGUAGE plpgsql AS $$
DECLARE
	claimed INTEGER := 0;
BEGIN
	INSERT INTO batch.posting_day (business_date) VALUES (d) ON CONFLICT DO NOTHING;
	IF FOUND THEN
		UPDATE batch.import_file SET posted_on = d
		WHERE status = 'ACCEPTED' AND posted_on IS NULL AND business_date <= d
		  AND file_type IN ('CASH_FLOWS', 'REPAYMENTS');
		GET DIAGNOSTICS claimed = ROW_COUNT;
	END IF;
	RETURN claimed;
END $$;
