package jp.settlementbatch.support.batch;

import org.springframework.batch.core.job.JobExecution;

/** How a run ended, for the summary and the exit code. */
public record RunOutcome(ExitCode exitCode, String message, JobExecution execution) {

	public static RunOutcome of(ExitCode exitCode, String message) {
		return new RunOutcome(exitCode, message, null);
	}

}
