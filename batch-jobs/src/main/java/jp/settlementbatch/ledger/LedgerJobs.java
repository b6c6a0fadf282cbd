package jp.settlementbatch.ledger;

import java.time.LocalDate;

import javax.sql.DataSource;

import java.util.List;

import jp.settlementbatch.support.config.RunParameters;
import jp.settlementbatch.support.files.FileStore;
import jp.settlementbatch.support.intake.PendingLines;
import jp.settlementbatch.support.progress.RunProgress;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the ledger jobs: the job's {@link AccountWork} as one chunk step, whose chunks
 * check the accounts they wrote against their journal before they commit
 * ({@link LedgerCheck#outOfBalance}), except accrual, which writes nothing the check
 * reads; an account that cannot be done is held, the others go on. The day's full check
 * ends {@code close-statements}, the day's last ledger job.
 */
public class LedgerJobs {

	private final JobRepository jobRepository;

	private final PlatformTransactionManager transactionManager;

	private final JdbcTemplate jdbc;

	private final RunProgress progress;

	private final int chunkSize;

	private final long holdMinimum;

	private final TransactionTemplate savepoints;

	private final FileStore files;

	private final int pendingDays;

	/**
	 * @param holdMinimum the fewest holds a job may make in a partition before the fault
	 * is systemic ({@link HeldAccounts#threshold})
	 * @param pendingDays how long a line may wait for its account before it is turned
	 * away
	 */
	public LedgerJobs(JobRepository jobRepository, PlatformTransactionManager transactionManager, DataSource dataSource,
			RunProgress progress, int chunkSize, long holdMinimum, FileStore files, int pendingDays) {
		this.files = files;
		this.pendingDays = pendingDays;
		this.jobRepository = jobRepository;
		this.transactionManager = transactionManager;
		this.jdbc = new JdbcTemplate(dataSource);
		this.progress = progress;
		this.chunkSize = chunkSize;
		this.holdMinimum = holdMinimum;
		this.savepoints = new TransactionTemplate(transactionManager);
		this.savepoints.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/**
	 * A job that only accrues: it writes the accrued amounts and its watermark, no
	 * balance or journal entry the ledger check reads, so its chunks are not checked.
	 */
	public Job accrualJob(String jobName, String stepName, AccountWork<?, ?> work) {
		return new JobBuilder(jobName, this.jobRepository).listener(this.progress)
			.start(step(jobName, stepName, work, false))
			.build();
	}

	/**
	 * The day's closing job: its checked chunks, then the full ledger check of the run's
	 * accounts, once a day.
	 */
	public Job closingJob(String jobName, String stepName, AccountWork<?, ?> work) {
		return new JobBuilder(jobName, this.jobRepository).listener(this.progress)
			.start(step(jobName, stepName, work, true))
			.next(LedgerCheck.step("ledger-check-" + stepName, jobName, this.jobRepository, this.transactionManager,
					this.jdbc, this.progress, this.holdMinimum))
			.build();
	}

	/**
	 * A ledger job that posts accepted files: it first claims the files of its run date
	 * ({@code batch.claim_posting_day}: once per date, whichever job or partition comes
	 * first), then posts the files claimed for that date in checked chunks. A completed
	 * claim is not run again on restart, so a restarted job posts the same files.
	 */
	public Job postingJob(String jobName, String stepName, AccountWork<?, ?> work) {
		Step claim = new StepBuilder("claim-files", this.jobRepository).tasklet((contribution, chunkContext) -> {
			var parameters = chunkContext.getStepContext().getStepExecution().getJobParameters();
			LocalDate businessDate = RunParameters.of(parameters).businessDate();
			Integer claimed = this.jdbc.queryForObject("SELECT batch.claim_posting_day(?)", Integer.class,
					businessDate);
			String pending = settlePendingLines(businessDate, RunParameters.of(parameters).outbox());
			contribution.setExitStatus(new ExitStatus("COMPLETED",
					claimed + " accepted files newly claimed for posting on " + businessDate + pending));
			return RepeatStatus.FINISHED;
		}, this.transactionManager).build();
		return new JobBuilder(jobName, this.jobRepository).listener(this.progress)
			.start(claim)
			.next(step(jobName, stepName, work, true))
			.build();
	}

	/**
	 * Once per run date, whichever posting job or partition comes first: releases the
	 * lines that waited for an account now in the card master, and turns away those that
	 * waited too long, with their reject files ({@link PendingLines}).
	 */
	private String settlePendingLines(LocalDate businessDate, String outbox) throws Exception {
		if (this.jdbc.update("""
				UPDATE batch.posting_day SET pending_settled_at = now()
				WHERE business_date = ? AND pending_settled_at IS NULL""", businessDate) == 0) {
			return "";
		}
		PendingLines pendingLines = new PendingLines(this.jdbc);
		long released = pendingLines.release(businessDate);
		List<PendingLines.Expired> expired = pendingLines.expire(businessDate, this.pendingDays);
		if (!expired.isEmpty()) {
			PendingLines.writeRejectFiles(this.files, outbox, expired);
		}
		return "; " + released + " lines released from waiting for their account, " + expired.size()
				+ " turned away after " + this.pendingDays + " days";
	}

	private <T extends LedgerAccount> Step step(String jobName, String name, AccountWork<T, ?> work, boolean checked) {
		work.settings = new AccountWork.Settings(jobName, checked, this.chunkSize, this.savepoints, this.holdMinimum);
		return new StepBuilder(name, this.jobRepository).<T, T>chunk(this.chunkSize)
			.transactionManager(this.transactionManager)
			.reader(work)
			.writer(work)
			.listener((StepExecutionListener) work)
			.listener(this.progress)
			.build();
	}

}
