package jp.settlementbatch.support.csv;

import java.math.BigInteger;

/**
 * One detail record of a file: the physical line it starts on, its raw text, and its
 * fields, or {@code null} fields when the record could not be split (bad quoting or
 * encoding) or was longer than 64 KiB ({@code tooLong}: its raw text is then only its
 * beginning).
 */
public record RecordLine(int lineNumber, RawLine rawLine, String[] fields, boolean tooLong, BigInteger amount) {

	/** The unmasked raw text: never store or log it without {@link PanGuard#mask}. */
	public String raw() {
		return this.rawLine.text();
	}

	public boolean malformed() {
		return this.fields == null;
	}

}
