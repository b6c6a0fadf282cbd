package jp.settlementbatch.support.config;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;

import static org.assertj.core.api.Assertions.assertThat;

class RunParametersTests {

	static final LocalDate NOV_20 = LocalDate.of(2026, 11, 20);

	@Test
	void theBusinessDateAndThePartitionMakeTheInstanceTheOutboxAndRunDateDoNot() {
		JobParameters parameters = RunParameters.of(NOV_20, "s3://outbox/", 0.02)
			.withRunDate(NOV_20.plusDays(3))
			.withPartition("1/4")
			.toJobParameters();

		assertThat(parameters.getIdentifyingParameters()).extracting(JobParameter::name)
			.containsExactlyInAnyOrder("business.date", "partition");
		assertThat(parameters.getString("outbox")).isEqualTo("s3://outbox/");
		assertThat(parameters.getLocalDate("run.date")).isEqualTo(NOV_20.plusDays(3));
		assertThat(parameters.getDouble("max.reject.ratio")).isEqualTo(0.02);
	}

	@Test
	void whatIsWrittenIsReadBack() {
		RunParameters run = new RunParameters(NOV_20, NOV_20.plusDays(1), "out", 0.05, "0/8", 8);

		assertThat(RunParameters.of(run.toJobParameters())).isEqualTo(run);
	}

	@Test
	void aRunOfItsOwnDayHasNoRunDateParameterAndReadsItsBusinessDate() {
		JobParameters parameters = RunParameters.of(NOV_20, "out", 0.01).toJobParameters();

		assertThat(parameters.getParameter("run.date")).isNull();
		assertThat(parameters.getParameter("partitions")).isNull();
		RunParameters read = RunParameters.of(parameters);
		assertThat(read.runDate()).isEqualTo(NOV_20);
		assertThat(read.partition()).isNull();
	}

	@Test
	void aRunRecordedWithoutATolerancehasTheDefaultOne() {
		JobParameters parameters = new org.springframework.batch.core.job.parameters.JobParametersBuilder()
			.addLocalDate("business.date", NOV_20)
			.toJobParameters();

		assertThat(RunParameters.of(parameters).maxRejectRatio()).isEqualTo(0.01);
	}

}
