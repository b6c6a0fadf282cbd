package jp.settlementbatch.support.csv;

/**
 * One detail record of a file: the physical line it starts on, its raw text (unmasked:
 * never store or log it without {@link PanGuard#mask}), and its fields, or {@code null}
 * fields when the record could not be split (bad quoting or encoding).
 */
public record RecordLine(int lineNumber, String raw, String[] fields) {

	public boolean malformed() {
		return this.fields == null;
	}

}
