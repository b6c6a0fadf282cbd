-- One pass over the file's refunds for both refund rules: a refund needs its purchase (same account),
-- accepted before or in this file (REFUND_WITHOUT_ORIGINAL), and the refunds of one purchase, in line
-- order, may not add up to more than it (REFUND_EXCEEDS_ORIGINAL).
CREATE OR REPLACE FUNCTION payment.reject_excess_refunds(p_file_id BIGINT) RETURNS INTEGER
LANGUAGE plpgsql AS $$
DECLARE
	r RECORD;
	current_original TEXT := NULL;
	remaining BIGINT;
	rejected INTEGER := 0;
BEGIN
	FOR r IN
		SELECT c.line_number, c.original_transaction_id, c.amount,
		       (SELECT p.amount FROM payment.cash_flow p LEFT JOIN batch.import_file f ON f.file_id = p.file_id
		        WHERE p.transaction_id = c.original_transaction_id AND p.type = 'PURCHASE' AND p.account_id = c.account_id
		          AND ((p.file_id = p_file_id AND p.reject_reason IS NULL) OR f.status = 'ACCEPTED')
		        LIMIT 1) AS purchase_amount,
		       (SELECT coalesce(sum(e.amount), 0) FROM payment.cash_flow e JOIN batch.import_file f ON f.file_id = e.file_id
		        WHERE e.original_transaction_id = c.original_transaction_id AND e.type = 'REFUND' AND f.status = 'ACCEPTED'
		          AND e.file_id <> p_file_id) AS refunded_before
		FROM payment.cash_flow c
		WHERE c.file_id = p_file_id AND c.type = 'REFUND' AND c.reject_reason IS NULL
		ORDER BY c.original_transaction_id, c.line_number
	LOOP
		IF r.purchase_amount IS NULL THEN
			UPDATE payment.cash_flow SET reject_reason = 'REFUND_WITHOUT_ORIGINAL'
			WHERE file_id = p_file_id AND line_number = r.line_number;
			rejected := rejected + 1;
			CONTINUE;
		END IF;
		IF current_original IS DISTINCT FROM r.original_transaction_id THEN
			current_original := r.original_transaction_id;
			remaining := r.purchase_amount - r.refunded_before;
		END IF;
		IF r.amount > remaining THEN
			UPDATE payment.cash_flow SET reject_reason = 'REFUND_EXCEEDS_ORIGINAL'
			WHERE file_id = p_file_id AND line_number = r.line_number;
			rejected := rejected + 1;
		ELSE
			remaining := remaining - r.amount;
		END IF;
	END LOOP;
	RETURN rejected;
END;
$$;
