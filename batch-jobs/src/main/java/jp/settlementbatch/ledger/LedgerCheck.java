package jp.settlementbatch.ledger;

import jp.settlementbatch.support.progress.RunProgress;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The last step of every ledger job: the invariant of ledger.md for the run's accounts
 * ({@code report.ledger_check}: journal against balances, per account). The result is the
 * step's exit message ("accounts checked, out of balance"), which the summary prints; an
 * account out of balance fails the job, so no later job builds on a broken ledger.
 */
public final class LedgerCheck {

	private static final String CHECK = """
			SELECT count(*) AS checked, count(*) FILTER (WHERE difference <> 0) AS out_of_balance
			FROM report.ledger_check WHERE """ + Partition.condition("account_id");

	private LedgerCheck() {
	}

	public static Step step(String name, JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcTemplate jdbc, RunProgress progress) {
		return new StepBuilder(name, jobRepository).tasklet((contribution, chunkContext) -> {
			Partition partition = Partition.of(chunkContext.getStepContext().getStepExecution().getJobParameters());
			long[] check = jdbc.queryForObject(CHECK,
					(rs, n) -> new long[] { rs.getLong("checked"), rs.getLong("out_of_balance") },
					partition.parameters());
			String message = "ledger check (" + partition + "): " + check[0] + " accounts checked, " + check[1]
					+ " out of balance";
			if (check[1] > 0) {
				throw new IllegalStateException(message
						+ ". Stop the day: compare report.ledger_check with card.ledger_entry for those accounts.");
			}
			contribution.setExitStatus(new ExitStatus("COMPLETED", message));
			return RepeatStatus.FINISHED;
		}, transactionManager).listener((StepExecutionListener) progress).build();
	}

}
