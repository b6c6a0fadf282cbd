package jp.settlementbatch.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The repository of {@code card.held_account}: accounts held for an operator (ledger.md,
 * "Accounts held for an operator"). A hold is per account and job: nothing of the account
 * was written for that job; it stays current (released_on null) until a later run of the
 * job passes the account. The view {@code report.held_account} shows the current ones.
 */
public final class HeldAccounts {

	/** One account held, and why (no personal data: the reason says what broke). */
	public record Hold(String accountId, String reason) {

	}

	/**
	 * More accounts held in one job than its threshold: the fault is systemic, so the job
	 * fails and nothing is held.
	 */
	public static final class SystemicFault extends RuntimeException {

		private static final long serialVersionUID = 1L;

		public SystemicFault(String message) {
			super(message);
		}

	}

	private final JdbcTemplate jdbc;

	public HeldAccounts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Holds {@code holds} for {@code job} on {@code businessDate}: a current hold keeps
	 * its first day and takes the newest reason.
	 */
	public void hold(String job, LocalDate businessDate, Long stepExecutionId, Collection<Hold> holds) {
		List<Object[]> rows = new ArrayList<>();
		for (Hold hold : holds) {
			rows.add(
					new Object[] { hold.accountId(), job, businessDate, businessDate, hold.reason(), stepExecutionId });
		}
		this.jdbc.batchUpdate("""
				INSERT INTO card.held_account (account_id, job, held_since, business_date, reason, step_execution_id)
				VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (account_id, job) WHERE released_on IS NULL
				DO UPDATE SET business_date = EXCLUDED.business_date, reason = EXCLUDED.reason,
				    step_execution_id = EXCLUDED.step_execution_id""", rows);
	}

	/** Releases the current holds of {@code job} on the accounts that passed it. */
	public void release(String job, LocalDate businessDate, Collection<String> passed) {
		if (passed.isEmpty()) {
			return;
		}
		this.jdbc.update("""
				UPDATE card.held_account SET released_on = ?
				WHERE job = ? AND released_on IS NULL AND account_id = ANY (CAST(? AS CHAR(10)[]))""", businessDate,
				job, passed.toArray(String[]::new));
	}

	/** How many accounts of the partition {@code job} holds after its run of the date. */
	public long held(String job, LocalDate businessDate, Partition partition) {
		Object[] p = partition.parameters();
		return this.jdbc.queryForObject("""
				SELECT count(*) FROM card.held_account
				WHERE job = ? AND business_date = ? AND released_on IS NULL AND """ + Partition.condition("account_id"),
				Long.class, job, businessDate, p[0], p[1], p[2]);
	}

	/** The first few current holds of {@code job} on the date, for a message. */
	public List<Hold> first(String job, LocalDate businessDate, int limit) {
		return this.jdbc.query("""
				SELECT account_id, reason FROM card.held_account
				WHERE job = ? AND business_date = ? AND released_on IS NULL ORDER BY account_id LIMIT ?""",
				(rs, n) -> new Hold(rs.getString(1), rs.getString(2)), job, businessDate, limit);
	}

	/**
	 * Forgets what a step execution that failed as systemic held on its date: the job
	 * failed, and nothing is held (holds of earlier dates stay).
	 */
	public void forget(long stepExecutionId, LocalDate businessDate) {
		this.jdbc.update("DELETE FROM card.held_account WHERE step_execution_id = ? AND held_since = ?",
				stepExecutionId, businessDate);
	}

	/**
	 * The most a job may hold in a partition of {@code accounts} accounts before the
	 * fault is systemic: {@code minimum}, or 0.1% of the accounts, whichever is larger.
	 */
	public static long threshold(long accounts, long minimum) {
		return Math.max(minimum, (accounts + 999) / 1000);
	}

	/**
	 * The fault of a job that would hold more accounts than {@code threshold}: it names
	 * the first three and says what to do.
	 */
	SystemicFault systemic(String job, LocalDate businessDate, Partition partition, long heldNow, long threshold) {
		StringBuilder first = new StringBuilder();
		for (Hold hold : first(job, businessDate, 3)) {
			first.append(first.isEmpty() ? "" : "; ").append(hold.accountId()).append(": ").append(hold.reason());
		}
		return new SystemicFault(heldNow + " accounts of " + partition + " would be held by " + job + " on "
				+ businessDate + ", more than the " + threshold
				+ " it may hold: the fault is systemic, so nothing is held and the job fails. First: " + first
				+ ". Fix the cause, then run the same command again.");
	}

}
