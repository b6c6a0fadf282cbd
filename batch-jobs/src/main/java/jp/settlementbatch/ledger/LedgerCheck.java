package jp.settlementbatch.ledger;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.settlementbatch.support.config.RunParameters;
import jp.settlementbatch.support.progress.RunProgress;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The invariant of ledger.md ({@code report.ledger_check}: per account, the last
 * statement's closing balance plus the journal since equals the balances), checked at two
 * grains:
 * <ul>
 * <li>{@link #outOfBalance}: the accounts a chunk just wrote, in one statement, in the
 * chunk's own transaction, after its writes. An account out of balance is held
 * ({@link AccountWork}): its writes are rolled back to a savepoint, so a broken position
 * is never committed and no later job builds on it, and the other accounts go on.</li>
 * <li>{@link #step}: every account of the run's partition, once a day, as the last step
 * of {@code close-statements}. It also catches a balance changed outside the jobs, which
 * no job's own writes would show; such accounts are held. Its result is the step's exit
 * message ("accounts checked, out of balance"), which the summary prints.</li>
 * </ul>
 * Both read only the open cycle of each account (its last statement and the journal
 * since), so their cost follows the accounts, not the years of history.
 */
public final class LedgerCheck {

	/** What an operator does with an account out of balance. */
	static final String ADVICE = ": compare report.ledger_check with card.ledger_entry for it";

	private static final String FULL = """
			SELECT count(*) AS checked, count(*) FILTER (WHERE difference <> 0) AS out_of_balance
			FROM report.ledger_check WHERE """ + Partition.condition("account_id");

	private static final String FULL_LIST = """
			SELECT account_id, difference FROM report.ledger_check
			WHERE difference <> 0 AND """ + Partition.condition("account_id") + " ORDER BY account_id";

	private static final String TOUCHED = """
			SELECT account_id, difference
			FROM report.ledger_check WHERE account_id = ANY (CAST(? AS CHAR(10)[])) AND difference <> 0""";

	private LedgerCheck() {
	}

	/**
	 * The accounts of {@code accountIds} out of balance, and by how much, read in the
	 * caller's transaction after its writes.
	 */
	public static Map<String, Long> outOfBalance(JdbcTemplate jdbc, List<String> accountIds) {
		Map<String, Long> out = new LinkedHashMap<>();
		jdbc.query(TOUCHED, (RowCallbackHandler) rs -> out.put(rs.getString(1), rs.getLong(2)),
				(Object) accountIds.toArray(String[]::new));
		return out;
	}

	/**
	 * The full check of the run's partition, as a step: the accounts out of balance are
	 * held for {@code job} (up to the threshold, past which the fault is systemic and the
	 * step fails), and the ones it held for that reason and now in balance released.
	 */
	public static Step step(String name, String job, JobRepository jobRepository,
			PlatformTransactionManager transactionManager, JdbcTemplate jdbc, RunProgress progress, long holdMinimum) {
		return new StepBuilder(name, jobRepository).tasklet((contribution, chunkContext) -> {
			StepExecution stepExecution = chunkContext.getStepContext().getStepExecution();
			Partition partition = Partition.of(stepExecution.getJobParameters());
			LocalDate businessDate = RunParameters.of(stepExecution.getJobParameters()).businessDate();
			Object[] p = partition.parameters();
			long[] check = jdbc.queryForObject(FULL,
					(rs, n) -> new long[] { rs.getLong("checked"), rs.getLong("out_of_balance") }, p);
			long threshold = HeldAccounts.threshold(check[0], holdMinimum);
			String message = "ledger check (" + partition + "): " + check[0] + " accounts checked, " + check[1]
					+ " out of balance";
			List<HeldAccounts.Hold> holds = check[1] == 0 ? List.of()
					: jdbc.query(FULL_LIST, (rs, n) -> new HeldAccounts.Hold(rs.getString(1),
							"out of balance with its journal by " + rs.getLong(2) + " yen" + ADVICE), p);
			if (holds.size() > threshold) {
				throw new HeldAccounts.SystemicFault(message + ", more than the " + threshold
						+ " that may be held: the fault is systemic, so nothing is held and the job fails. First: "
						+ holds.subList(0, Math.min(3, holds.size()))
							.stream()
							.map(h -> h.accountId() + " " + h.reason())
							.toList()
						+ ". Fix the balances, then run the same command again.");
			}
			HeldAccounts held = new HeldAccounts(jdbc);
			held.hold(job, businessDate, stepExecution.getId(), holds);
			Object[] release = { businessDate, job,
					holds.stream().map(HeldAccounts.Hold::accountId).toArray(String[]::new), p[0], p[1], p[2] };
			jdbc.update("""
					UPDATE card.held_account SET released_on = ?
					WHERE job = ? AND released_on IS NULL AND reason LIKE 'out of balance%'
					  AND account_id <> ALL (CAST(? AS CHAR(10)[])) AND """ + Partition.condition("account_id"),
					release);
			contribution.setExitStatus(new ExitStatus("COMPLETED",
					message + (holds.isEmpty() ? "" : ", held for an operator (report.held_account)")));
			return RepeatStatus.FINISHED;
		}, transactionManager).listener((StepExecutionListener) progress).build();
	}

}
