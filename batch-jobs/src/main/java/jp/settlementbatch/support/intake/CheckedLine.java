package jp.settlementbatch.support.intake;

/**
 * A detail line after the line rules: either the values for its table, or a reject reason
 * with the masked raw line.
 */
record CheckedLine(int lineNumber, Object[] values, String reason, String maskedRaw) {

	static CheckedLine accepted(int lineNumber, Object[] values) {
		return new CheckedLine(lineNumber, values, null, null);
	}

	static CheckedLine rejected(int lineNumber, String reason, String maskedRaw) {
		return new CheckedLine(lineNumber, null, reason, maskedRaw);
	}

	boolean isAccepted() {
		return this.reason == null;
	}

}
