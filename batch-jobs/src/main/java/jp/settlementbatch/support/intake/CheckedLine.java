package jp.settlementbatch.support.intake;

import jp.settlementbatch.support.csv.RawLine;

/**
 * A detail line after the line rules: its typed record (or, when its values have a binary
 * COPY form, that row already encoded), or a reject reason; with the raw line either way
 * (a line can still be turned away by its key when it is written).
 */
record CheckedLine(int lineNumber, Record row, byte[] encoded, String reason, RawLine raw) {

	static CheckedLine accepted(int lineNumber, Record row, RawLine raw) {
		return new CheckedLine(lineNumber, row, null, null, raw);
	}

	/** An accepted line whose table row is encoded for a binary COPY. */
	static CheckedLine encoded(int lineNumber, byte[] encoded, RawLine raw) {
		return new CheckedLine(lineNumber, null, encoded, null, raw);
	}

	static CheckedLine rejected(int lineNumber, String reason, RawLine raw) {
		return new CheckedLine(lineNumber, null, null, reason, raw);
	}

	boolean isAccepted() {
		return this.reason == null;
	}

	/** The raw line with every PAN masked, as a reject keeps it. */
	String maskedRaw() {
		return this.raw.masked();
	}

}
