package jp.settlementbatch.support.intake;

/**
 * A detail line after the line rules: the values for its table, or a reject reason; with
 * the masked raw line either way (a line can still be turned away by its key when it is
 * written).
 */
record CheckedLine(int lineNumber, Object[] values, String reason, String maskedRaw) {

	static CheckedLine accepted(int lineNumber, Object[] values, String maskedRaw) {
		return new CheckedLine(lineNumber, values, null, maskedRaw);
	}

	static CheckedLine rejected(int lineNumber, String reason, String maskedRaw) {
		return new CheckedLine(lineNumber, null, reason, maskedRaw);
	}

	boolean isAccepted() {
		return this.reason == null;
	}

}
