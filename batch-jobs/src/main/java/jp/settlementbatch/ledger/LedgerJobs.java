package jp.settlementbatch.ledger;

import java.time.LocalDate;

import javax.sql.DataSource;

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

/**
 * Builds every ledger job the same way: the job's {@link AccountWork} as one chunk step,
 * then the ledger check of its accounts ({@link LedgerCheck}).
 */
public class LedgerJobs {

	private final JobRepository jobRepository;

	private final PlatformTransactionManager transactionManager;

	private final JdbcTemplate jdbc;

	private final RunProgress progress;

	private final int chunkSize;

	public LedgerJobs(JobRepository jobRepository, PlatformTransactionManager transactionManager, DataSource dataSource,
			RunProgress progress, int chunkSize) {
		this.jobRepository = jobRepository;
		this.transactionManager = transactionManager;
		this.jdbc = new JdbcTemplate(dataSource);
		this.progress = progress;
		this.chunkSize = chunkSize;
	}

	public Job job(String jobName, String stepName, AccountWork<?> work) {
		return new JobBuilder(jobName, this.jobRepository).listener(this.progress)
			.start(step(stepName, work))
			.next(LedgerCheck.step("ledger-check-" + stepName, this.jobRepository, this.transactionManager, this.jdbc,
					this.progress))
			.build();
	}

	/**
	 * A ledger job that posts accepted files: it first claims the files of its run date
	 * ({@code batch.claim_posting_day}: once per date, whichever job or partition comes
	 * first), then posts the files claimed for that date. A completed claim is not run
	 * again on restart, so a restarted job posts the same files.
	 */
	public Job postingJob(String jobName, String stepName, AccountWork<?> work) {
		Step claim = new StepBuilder("claim-files", this.jobRepository).tasklet((contribution, chunkContext) -> {
			LocalDate businessDate = chunkContext.getStepContext()
				.getStepExecution()
				.getJobParameters()
				.getLocalDate("business.date");
			Integer claimed = this.jdbc.queryForObject("SELECT batch.claim_posting_day(?)", Integer.class,
					businessDate);
			contribution.setExitStatus(new ExitStatus("COMPLETED",
					claimed + " accepted files newly claimed for posting on " + businessDate));
			return RepeatStatus.FINISHED;
		}, this.transactionManager).build();
		return new JobBuilder(jobName, this.jobRepository).listener(this.progress)
			.start(claim)
			.next(step(stepName, work))
			.next(LedgerCheck.step("ledger-check-" + stepName, this.jobRepository, this.transactionManager, this.jdbc,
					this.progress))
			.build();
	}

	private <T> Step step(String name, AccountWork<T> work) {
		return new StepBuilder(name, this.jobRepository).<T, T>chunk(this.chunkSize)
			.transactionManager(this.transactionManager)
			.reader(work)
			.writer(work)
			.listener((StepExecutionListener) work)
			.listener(this.progress)
			.build();
	}

}
