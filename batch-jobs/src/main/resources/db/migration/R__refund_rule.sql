-- The refund rule of files.md, set-based, run by the settle step of import-cash-flows: a refund
-- without its purchase (REFUND_WITHOUT_ORIGINAL), or one that would take the refunds of a purchase
-- beyond it (REFUND_EXCEEDS_ORIGINAL), is turned away, in line order. The current definition lives
-- here only (it was refined by V5, V8, V13 and V14).
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
		                         AND ((p.file_id = p_file_id AND p.reject_reason IS NULL) OR f.status = 'ACCEPTED')
		                       LIMIT 1) p ON true
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
