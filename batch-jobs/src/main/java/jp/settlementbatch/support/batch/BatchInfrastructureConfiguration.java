package jp.settlementbatch.support.batch;

import java.util.List;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import jp.settlementbatch.support.config.Settings;
import jp.settlementbatch.support.files.FileStore;
import jp.settlementbatch.support.progress.JobMeasure;
import jp.settlementbatch.support.progress.RunProgress;

import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

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

	/** The settings, bound from the context's environment. */
	@Bean
	Settings settings(Environment environment) {
		return Settings.of(environment);
	}

	@Bean
	FileStore fileStore(Settings settings) {
		return FileStore.of(settings);
	}

	/**
	 * Progress and metrics: on a terminal, progress lines; otherwise log events, and one
	 * metrics line (CloudWatch EMF) per job on stdout.
	 */
	@Bean
	RunProgress runProgress(Settings settings, List<JobMeasure> measures) {
		boolean terminal = "terminal".equals(settings.settlement().progress());
		return new RunProgress(terminal ? System.err : null, measures, terminal ? null : System.out);
	}

	/**
	 * Spring Batch's observations (job, step and item timers under {@code spring.batch})
	 * into a meter registry: Boot's batch observation post-processor sets this registry
	 * on every job and step. The registry is in-process; the metrics CloudWatch alarms on
	 * are the EMF lines of {@link RunProgress}.
	 */
	@Bean
	MeterRegistry meterRegistry() {
		return new SimpleMeterRegistry();
	}

	@Bean
	ObservationRegistry observationRegistry(MeterRegistry meterRegistry) {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meterRegistry));
		return registry;
	}

	@Bean
	JobRuns jobRuns(JobOperator jobOperator, JobRepository jobRepository, JobRegistry jobRegistry,
			DataSource dataSource, ObjectProvider<RunInputs> inputs) {
		return new JobRuns(jobOperator, jobRepository, jobRegistry, dataSource,
				inputs.getIfAvailable(() -> RunInputs.NONE));
	}

}
