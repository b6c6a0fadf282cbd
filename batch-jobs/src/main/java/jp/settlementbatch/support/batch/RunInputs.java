package jp.settlementbatch.support.batch;

import java.util.Optional;

import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * What {@link JobRuns} asks of the files a run is pinned to. The intake owns them
 * ({@code jp.settlementbatch.support.intake.PinnedInputs}); a job without inputs passes
 * through {@link #NONE}.
 */
public interface RunInputs {

	/** Jobs with no input files. */
	RunInputs NONE = new RunInputs() {
	};

	/**
	 * The parameters with what makes an input re-opened by an operator a job instance of
	 * its own.
	 */
	default JobParameters identify(JobParameters parameters) {
		return parameters;
	}

	/**
	 * Why a first run must not start: its input replaced another one whose run is
	 * unfinished. Empty when it may start.
	 */
	default Optional<RunOutcome> refuseReplaced(String jobName, JobParameters parameters) {
		return Optional.empty();
	}

	/**
	 * What a restart finds of its pinned inputs: refused, unchanged (both null), or the
	 * same bytes re-pinned.
	 */
	record Recheck(String refused, JobParameters repinned) {

		public static final Recheck UNCHANGED = new Recheck(null, null);

	}

	default Recheck recheck(JobParameters parameters) {
		return Recheck.UNCHANGED;
	}

	/**
	 * An operator abandoned the job instance: its files are discarded and may be taken in
	 * again.
	 */
	default void abandoned(long jobInstanceId, String why, String who) {
	}

}
