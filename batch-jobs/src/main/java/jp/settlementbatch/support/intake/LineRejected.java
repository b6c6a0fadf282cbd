package jp.settlementbatch.support.intake;

/** A detail line that breaks a rule: the reason code is the contract of files.md. */
public final class LineRejected extends Exception {

	private final String reason;

	public LineRejected(String reason) {
		super(reason, null, false, false);
		this.reason = reason;
	}

	public static LineRejected invalid(String field) {
		return new LineRejected("INVALID_FIELD:" + field);
	}

	public String reason() {
		return this.reason;
	}

}
