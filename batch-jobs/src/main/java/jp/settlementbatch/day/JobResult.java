package jp.settlementbatch.day;

import java.time.LocalDate;

import jp.settlementbatch.support.batch.ExitCode;
import jp.settlementbatch.support.batch.RunOutcome;

/**
 * What happened to one job: {@code date} is the date it ran for (a late file's own date,
 * or the run date).
 */
public record JobResult(String job, LocalDate date, RunOutcome outcome, boolean skipped, String note) {

	public boolean late(LocalDate runDate) {
		return !this.date.equals(runDate);
	}

	/**
	 * What this result makes the run's exit code: a skipped job nothing, a rejected late
	 * file nothing (the manifest asks for the operator), else the job's exit code.
	 */
	public int exitCode(LocalDate runDate) {
		if (this.skipped || (late(runDate) && this.outcome.exitCode() == ExitCode.INPUT_REJECTED)) {
			return 0;
		}
		return this.outcome.exitCode().code();
	}

}
