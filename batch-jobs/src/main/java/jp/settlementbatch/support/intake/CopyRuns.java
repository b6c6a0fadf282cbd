package jp.settlementbatch.support.intake;

import javax.sql.DataSource;

import jp.settlementbatch.support.db.PgCopy;

/**
 * COPY of lines into one table, in line order: a run of lines encoded ahead goes in
 * PostgreSQL's binary format (it then parses no numbers, dates or timestamps), a run of
 * other lines as text. A file's lines are all one or the other unless a value has no
 * binary form.
 */
final class CopyRuns {

	private final DataSource dataSource;

	private final String columns;

	private final String table;

	private final long fileId;

	private PgCopy open;

	private boolean binary;

	CopyRuns(DataSource dataSource, String table, String columns, long fileId) {
		this.dataSource = dataSource;
		this.columns = columns;
		this.table = table;
		this.fileId = fileId;
	}

	void add(CheckedLine line) {
		boolean encoded = line.encoded() != null;
		if (this.open != null && this.binary != encoded) {
			finish(); // a run of the other form starts
		}
		if (this.open == null) {
			this.open = encoded ? PgCopy.binaryInto(this.dataSource, this.table, this.columns)
					: PgCopy.into(this.dataSource, this.table, this.columns);
			this.binary = encoded;
		}
		if (encoded) {
			this.open.encodedRow(line.encoded());
		}
		else {
			this.open.row(rowOf(this.fileId, line.lineNumber(), line.values()));
		}
	}

	void finish() {
		if (this.open != null) {
			PgCopy copy = this.open;
			this.open = null;
			copy.finish();
		}
	}

	void cancel() {
		if (this.open != null) {
			this.open.cancel();
			this.open = null;
		}
	}

	/**
	 * The table row of an accepted line: file id, line number, then the rule's values.
	 */
	private static Object[] rowOf(long fileId, int lineNumber, Object[] values) {
		Object[] row = new Object[values.length + 2];
		row[0] = fileId;
		row[1] = lineNumber;
		System.arraycopy(values, 0, row, 2, values.length);
		return row;
	}

}
