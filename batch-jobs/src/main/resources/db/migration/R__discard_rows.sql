-- The rows of a file that will never be accepted (rejected, or its import abandoned) are deleted
-- when it is decided: the tables hold only rows of accepted files and of files still loading.
CREATE OR REPLACE FUNCTION batch.discard_rows(p_file_id BIGINT) RETURNS VOID
LANGUAGE sql AS $$
	DELETE FROM payment.cash_flow WHERE file_id = p_file_id;
	DELETE FROM repayment.repayment WHERE file_id = p_file_id;
	DELETE FROM card.account_change WHERE file_id = p_file_id;
	DELETE FROM application.application_change WHERE file_id = p_file_id;
	DELETE FROM application.watchlist_entry WHERE file_id = p_file_id;
$$;
