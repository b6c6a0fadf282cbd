package jp.settlementbatch.support.testing;

import org.springframework.jdbc.core.JdbcTemplate;

/** The run locks a test waits on: PostgreSQL advisory locks held by running jobs. */
public final class BatchLocks {

	private BatchLocks() {
	}

	/** Advisory locks granted right now: one per job instance being run. */
	public static long held(JdbcTemplate jdbc) {
		Long locks = jdbc.queryForObject("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted",
				Long.class);
		return locks == null ? 0 : locks;
	}

}
