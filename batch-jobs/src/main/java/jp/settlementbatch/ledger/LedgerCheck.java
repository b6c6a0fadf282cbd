package jp.settlementbatch.ledger;

import java.util.List;

import jp.settlementbatch.support.progress.RunProgress;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The invariant of ledger.md ({@code report.ledger_check}: per account, the last
 * statement's closing balance plus the journal since equals the balances), checked at two
 * grains:
 * <ul>
 * <li>{@link #touched}: the accounts a chunk just wrote, in one statement, in the chunk's
 * own transaction, after its writes. An account out of balance rolls the chunk back and
 * fails the job, so a broken position is never committed and no later job builds on
 * it.</li>
 * <li>{@link #step}: every account of the run's partition, once a day, as the last step
 * of {@code close-statements}. It also catches a balance changed outside the jobs, which
 * no job's own writes would show. Its result is the step's exit message ("accounts
 * checked, out of balance"), which the summary prints.</li>
 * </ul>
 * Both read only the open cycle of each account (its last statement and the journal
 * since), so their cost follows the accounts, not the years of history.
 */
public final class LedgerCheck {

	private static final String ADVICE = ". Stop the day: compare report.ledger_check with card.ledger_entry for the"
			+ " accounts whose difference is not 0.";

	private static final String FULL = """
			SELECT count(*) AS checked, count(*) FILTER (WHERE difference <> 0) AS out_of_balance
			FROM report.ledger_check WHERE """ + Partition.condition("account_id");

	private static final String TOUCHED = """
			SELECT count(*) FILTER (WHERE difference <> 0)
			FROM report.ledger_check WHERE account_id = ANY (CAST(? AS CHAR(10)[]))""";

	private LedgerCheck() {
	}

	/**
	 * A writer that checks the accounts of each chunk after the job's own writer, in the
	 * same transaction.
	 */
	public static ItemWriter<LedgerAccount> touched(JdbcTemplate jdbc) {
		return (Chunk<? extends LedgerAccount> chunk) -> {
			List<? extends LedgerAccount> accounts = chunk.getItems();
			String[] ids = accounts.stream().map(account -> account.accountId).toArray(String[]::new);
			Long outOfBalance = jdbc.queryForObject(TOUCHED, Long.class, (Object) ids);
			if (outOfBalance != null && outOfBalance > 0) {
				throw new IllegalStateException("ledger check of a chunk: " + ids.length + " accounts checked, "
						+ outOfBalance + " out of balance; the chunk was rolled back" + ADVICE);
			}
		};
	}

	/** The full check of the run's partition, as a step. */
	public static Step step(String name, JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcTemplate jdbc, RunProgress progress) {
		return new StepBuilder(name, jobRepository).tasklet((contribution, chunkContext) -> {
			Partition partition = Partition.of(chunkContext.getStepContext().getStepExecution().getJobParameters());
			long[] check = jdbc.queryForObject(FULL,
					(rs, n) -> new long[] { rs.getLong("checked"), rs.getLong("out_of_balance") },
					partition.parameters());
			String message = "ledger check (" + partition + "): " + check[0] + " accounts checked, " + check[1]
					+ " out of balance";
			if (check[1] > 0) {
				throw new IllegalStateException(message + ADVICE);
			}
			contribution.setExitStatus(new ExitStatus("COMPLETED", message));
			return RepeatStatus.FINISHED;
		}, transactionManager).listener((StepExecutionListener) progress).build();
	}

}
