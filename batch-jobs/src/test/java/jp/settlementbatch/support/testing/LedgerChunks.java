package jp.settlementbatch.support.testing;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How far a ledger job has got: what a test waits on before it kills or stops the job.
 */
public final class LedgerChunks {

	private LedgerChunks() {
	}

	/**
	 * Chunks committed by the account step of the job's latest attempt (its ledger check
	 * is not counted).
	 */
	public static long committed(JdbcTemplate jdbc, String job) {
		Long commits = jdbc.queryForObject("""
				SELECT coalesce(max(s.commit_count), 0) FROM batch.batch_step_execution s
				JOIN batch.batch_job_execution e ON e.job_execution_id = s.job_execution_id
				JOIN batch.batch_job_instance i ON i.job_instance_id = e.job_instance_id
				WHERE i.job_name = ? AND s.step_name NOT LIKE 'ledger-check-%'""", Long.class, job);
		return commits == null ? 0 : commits;
	}

}
