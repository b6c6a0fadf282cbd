package jp.settlementbatch.support.batch;

/** The process exit codes of the CLI contract (product.md). */
public enum ExitCode {

	/** Completed, or already completed before: a no-op. */
	COMPLETED(0),
	/** Failed: restartable, a plain rerun resumes it. */
	FAILED(1),
	/** Usage or configuration error. */
	USAGE(2),
	/** Input rejected as a whole: an operator must act, a plain retry will not help. */
	INPUT_REJECTED(3),
	/** A required input is not there (yet): retry later. */
	INPUT_MISSING(4),
	/** The same job instance is already running elsewhere. */
	ALREADY_RUNNING(5);

	private final int code;

	ExitCode(int code) {
		this.code = code;
	}

	public int code() {
		return this.code;
	}

}
