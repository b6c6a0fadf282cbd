package jp.settlementbatch.ledger;

import javax.sql.DataSource;

import jp.settlementbatch.support.batch.RunProgress;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
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
