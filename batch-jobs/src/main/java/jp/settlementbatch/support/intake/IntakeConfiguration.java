package jp.settlementbatch.support.intake;

import javax.sql.DataSource;

import jp.settlementbatch.support.config.Settings;
import jp.settlementbatch.support.files.FileStore;
import jp.settlementbatch.support.progress.RunProgress;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The builder every import job is made with ({@link IntakeJobs}). */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

	@Bean
	PinnedInputs pinnedInputs(DataSource dataSource, JobRepository jobRepository, FileStore files) {
		return new PinnedInputs(new org.springframework.jdbc.core.JdbcTemplate(dataSource), jobRepository, files);
	}

	@Bean
	IntakeMeasure intakeMeasure(DataSource dataSource) {
		return new IntakeMeasure(new org.springframework.jdbc.core.JdbcTemplate(dataSource));
	}

	@Bean
	IntakeJobs intakeJobs(JobRepository jobRepository,
			@Qualifier("transactionManager") PlatformTransactionManager transactionManager, DataSource dataSource,
			FileStore files, Settings settings, RunProgress progress) {
		return new IntakeJobs(jobRepository, transactionManager, dataSource, files,
				settings.settlement().intake().chunkSize(), progress);
	}

}
