package jp.settlementbatch.support.intake;

import java.math.BigInteger;

import jp.settlementbatch.support.csv.RawLine;

/**
 * A detail line after the line rules: the column values of its typed record (or, when
 * they have a binary COPY form, that row already encoded), or a reject reason; with the
 * raw line either way (a line can still be turned away by its key when it is written). A
 * line whose account is not in the card master yet is taken in as pending (files.md).
 */
record CheckedLine(int lineNumber, Object[] values, byte[] encoded, String reason, RawLine raw, boolean pending,
		BigInteger amount) {

	static CheckedLine accepted(int lineNumber, Object[] values, RawLine raw, boolean pending, BigInteger amount) {
		return new CheckedLine(lineNumber, values, null, null, raw, pending, amount);
	}

	/** An accepted line whose table row is encoded for a binary COPY. */
	static CheckedLine encoded(int lineNumber, byte[] encoded, RawLine raw, boolean pending, BigInteger amount) {
		return new CheckedLine(lineNumber, null, encoded, null, raw, pending, amount);
	}

	/**
	 * A rejected line, with its amount as the trailer's total counted it (the control
	 * totals add it back).
	 */
	static CheckedLine rejected(int lineNumber, String reason, RawLine raw, BigInteger amount) {
		return new CheckedLine(lineNumber, null, null, reason, raw, false, amount);
	}

	boolean isAccepted() {
		return this.reason == null;
	}

	/** The raw line with every PAN masked, as a reject keeps it. */
	String maskedRaw() {
		return this.raw.masked();
	}

}
