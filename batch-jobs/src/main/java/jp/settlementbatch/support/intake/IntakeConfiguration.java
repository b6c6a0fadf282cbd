package jp.settlementbatch.support.intake;

import javax.sql.DataSource;

import jp.settlementbatch.support.files.FileStore;
import jp.settlementbatch.support.progress.RunProgress;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The builder every import job is made with ({@link IntakeJobs}). */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

	@Bean
	IntakeMeasure intakeMeasure(DataSource dataSource) {
		return new IntakeMeasure(new org.springframework.jdbc.core.JdbcTemplate(dataSource));
	}

	@Bean
	IntakeJobs intakeJobs(JobRepository jobRepository,
			@Qualifier("transactionManager") PlatformTransactionManager transactionManager, DataSource dataSource,
			FileStore files, @Value("${settlement.intake.chunk-size:50000}") int chunkSize, RunProgress progress) {
		return new IntakeJobs(jobRepository, transactionManager, dataSource, files, chunkSize, progress);
	}

}
