-- Transaction and repayment ids are unique for ever (files.md). A unique index says so, and finds the
-- duplicates while a file loads, instead of settle passes over the file and the history: one index
-- probe per line whatever the size of the history.
--
-- The tables hold only rows of accepted files and of files still loading: rejected files lose their
-- rows when decided, and an abandoned import now loses them too (batch.discard_rows).

CREATE FUNCTION batch.discard_rows(p_file_id BIGINT) RETURNS VOID
LANGUAGE sql AS $$
	DELETE FROM payment.cash_flow WHERE file_id = p_file_id;
	DELETE FROM repayment.repayment WHERE file_id = p_file_id;
	DELETE FROM card.account_change WHERE file_id = p_file_id;
	DELETE FROM application.application_change WHERE file_id = p_file_id;
	DELETE FROM application.watchlist_entry WHERE file_id = p_file_id;
$$;

SELECT batch.discard_rows(file_id) FROM batch.import_file WHERE status NOT IN ('ACCEPTED', 'LOADING');

DROP INDEX payment.cash_flow_by_transaction;
CREATE UNIQUE INDEX cash_flow_transaction_id ON payment.cash_flow (transaction_id);

DROP INDEX repayment.repayment_by_id;
CREATE UNIQUE INDEX repayment_repayment_id ON repayment.repayment (repayment_id);

-- The few cash flows the refund rules turn away, found without reading the whole file again
-- (repayments have no settle statements any more).
CREATE INDEX cash_flow_turned_away ON payment.cash_flow (file_id) WHERE reject_reason IS NOT NULL;

-- The refund rules, as before (V8), walked line by line only for the purchases that need it: those
-- with a refund line that finds no purchase, or whose refunds, with those accepted before, add up to
-- more than the purchase. Every other refund is within its purchase whatever the order. The file's
-- refunds are found through their own small index, not by reading the whole file again; and the query
-- has no join whose plan could go wrong on a table just loaded and not yet analyzed.
CREATE INDEX cash_flow_refunds_by_file ON payment.cash_flow (file_id) WHERE type = 'REFUND';

CREATE OR REPLACE FUNCTION payment.reject_excess_refunds(p_file_id BIGINT) RETURNS INTEGER
LANGUAGE plpgsql AS $$
DECLARE
	r RECORD;
	current_original TEXT := NULL;
	remaining BIGINT;
	without_original INTEGER[] := '{}';
	exceeding INTEGER[] := '{}';
BEGIN
	FOR r IN
		SELECT line_number, original_transaction_id, amount, purchase_amount, refunded_before
		FROM (SELECT y.*,
		             -- a purchase in this file had no refund accepted before it
		             CASE WHEN y.purchase_file_id = p_file_id THEN 0 ELSE
		             (SELECT coalesce(sum(e.amount), 0) FROM payment.cash_flow e JOIN batch.import_file f ON f.file_id = e.file_id
		              WHERE e.original_transaction_id = y.original_transaction_id AND e.type = 'REFUND'
		                AND f.status = 'ACCEPTED' AND e.file_id <> p_file_id) END AS refunded_before
		      FROM (SELECT x.*,
		                   bool_or(x.purchase_amount IS NULL) OVER same_purchase AS orphan,
		                   sum(x.amount) OVER same_purchase AS total,
		                   min(x.purchase_amount) OVER same_purchase AS purchase
		            FROM (SELECT c.line_number, c.original_transaction_id, c.amount,
		                         p.amount AS purchase_amount, p.file_id AS purchase_file_id
		                  FROM payment.cash_flow c
		                  LEFT JOIN LATERAL (
		                       SELECT p.amount, p.file_id FROM payment.cash_flow p JOIN batch.import_file f ON f.file_id = p.file_id
		                       WHERE p.transaction_id = c.original_transaction_id AND p.type = 'PURCHASE'
		                         AND p.account_id = c.account_id
		                         AND ((p.file_id = p_file_id AND p.reject_reason IS NULL) OR f.status = 'ACCEPTED')) p ON true
		                  WHERE c.file_id = p_file_id AND c.type = 'REFUND' AND c.reject_reason IS NULL) x
		            WINDOW same_purchase AS (PARTITION BY x.original_transaction_id)) y) z
		WHERE orphan OR total + refunded_before > purchase
		ORDER BY original_transaction_id, line_number
	LOOP
		IF r.purchase_amount IS NULL THEN
			without_original := without_original || r.line_number;
			CONTINUE;
		END IF;
		IF current_original IS DISTINCT FROM r.original_transaction_id THEN
			current_original := r.original_transaction_id;
			remaining := r.purchase_amount - r.refunded_before;
		END IF;
		IF r.amount > remaining THEN
			exceeding := exceeding || r.line_number;
		ELSE
			remaining := remaining - r.amount;
		END IF;
	END LOOP;
	-- one update per reason, through the refunds' index
	UPDATE payment.cash_flow SET reject_reason = 'REFUND_WITHOUT_ORIGINAL'
	WHERE file_id = p_file_id AND type = 'REFUND' AND line_number = ANY (without_original);
	UPDATE payment.cash_flow SET reject_reason = 'REFUND_EXCEEDS_ORIGINAL'
	WHERE file_id = p_file_id AND type = 'REFUND' AND line_number = ANY (exceeding);
	RETURN cardinality(without_original) + cardinality(exceeding);
END;
$$;
