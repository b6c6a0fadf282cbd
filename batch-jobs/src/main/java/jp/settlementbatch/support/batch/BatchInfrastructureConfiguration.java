package jp.settlementbatch.support.batch;

import javax.sql.DataSource;

import jp.settlementbatch.support.files.FileStore;
import jp.settlementbatch.support.progress.RunProgress;

import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Infrastructure beans every job uses. Steps use Boot's {@code transactionManager} (the
 * one of the application's DataSource, so business writes and job metadata commit
 * together), not the second one Spring Cloud Task adds for its own records.
 */
@Configuration(proxyBeanMethods = false)
class BatchInfrastructureConfiguration {

	/**
	 * Spring Cloud Task's fail-on-job-failure wants a registry, which Boot 4 does not
	 * define.
	 */
	@Bean
	JobRegistry jobRegistry() {
		return new MapJobRegistry();
	}

	@Bean
	FileStore fileStore(@Value("${settlement.outbox.kms-key-id:}") String kmsKeyId) {
		return FileStore.fromEnvironment(kmsKeyId);
	}

	@Bean
	RunProgress runProgress(@Value("${settlement.progress:log}") String progress) {
		return new RunProgress("terminal".equals(progress) ? System.err : null);
	}

	@Bean
	JobRuns jobRuns(JobOperator jobOperator, JobRepository jobRepository, JobRegistry jobRegistry,
			DataSource dataSource, FileStore files) {
		return new JobRuns(jobOperator, jobRepository, jobRegistry, dataSource, files);
	}

}
