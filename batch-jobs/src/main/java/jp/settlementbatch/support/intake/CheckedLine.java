package jp.settlementbatch.support.intake;

/**
 * A detail line after the line rules: the values for its table (or, when they have a
 * binary COPY form, that row already encoded), or a reject reason; with the masked raw
 * line either way (a line can still be turned away by its key when it is written).
 */
record CheckedLine(int lineNumber, Object[] values, byte[] encoded, String reason, String maskedRaw) {

	static CheckedLine accepted(int lineNumber, Object[] values, String maskedRaw) {
		return new CheckedLine(lineNumber, values, null, null, maskedRaw);
	}

	/** An accepted line whose table row is encoded for a binary COPY. */
	static CheckedLine encoded(int lineNumber, byte[] row, String maskedRaw) {
		return new CheckedLine(lineNumber, null, row, null, maskedRaw);
	}

	static CheckedLine rejected(int lineNumber, String reason, String maskedRaw) {
		return new CheckedLine(lineNumber, null, null, reason, maskedRaw);
	}

	boolean isAccepted() {
		return this.reason == null;
	}

}
