-- Files are appended in file_id order, so a BRIN index finds a file's rows at a fraction of the
-- cost of maintaining a btree on (file_id, line_number) during COPY (measured: about a third of the
-- server time of a 1M-row load). Lines of a file are still unique by construction (one per line).
ALTER TABLE payment.cash_flow DROP CONSTRAINT cash_flow_pkey;
CREATE INDEX cash_flow_by_file ON payment.cash_flow USING brin (file_id) WITH (pages_per_range = 32);

ALTER TABLE repayment.repayment DROP CONSTRAINT repayment_pkey;
CREATE INDEX repayment_by_file ON repayment.repayment USING brin (file_id) WITH (pages_per_range = 32);
