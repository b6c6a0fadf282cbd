package jp.settlementbatch.support.batch;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.FatalStepExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failed run says what failed in the words of the code that knew, not the framework's
 * wrapper.
 */
class FailureCauseTests {

	@Test
	void aStoreThatBrokeMidReadIsNamedWithTheObjectAndTheByte() {
		// given a read of the input that broke as the store went away, as the chunk step
		// wraps it
		JobExecution execution = new JobExecution(7, new JobInstance(3, "import-cash-flows"), new JobParameters());
		execution.addFailureException(new FatalStepExecutionException("Unable to process chunk",
				new UncheckedIOException("Could not read s3://batch/inbox/cashflow_20261120.csv at byte 1048576",
						new IOException("Premature end of Content-Length delimited message body"))));

		// when
		String cause = RunOutcomes.cause(execution).orElseThrow();

		// then
		assertThat(cause).isEqualTo("Could not read s3://batch/inbox/cashflow_20261120.csv at byte 1048576 "
				+ "(Premature end of Content-Length delimited message body)");
	}

	@Test
	void aCardNumberInACauseIsMasked() {
		JobExecution execution = new JobExecution(7, new JobInstance(3, "import-cash-flows"), new JobParameters());
		execution.addFailureException(new IllegalStateException("bad value 4111 1111 1111 1111"));

		assertThat(RunOutcomes.cause(execution).orElseThrow())
			.isEqualTo("IllegalStateException: bad value 411111******1111");
	}

}
