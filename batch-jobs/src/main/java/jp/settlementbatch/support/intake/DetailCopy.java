package jp.settlementbatch.support.intake;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jp.settlementbatch.support.db.PgCopy;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Writes the accepted lines of a chunk into the kind's table with one COPY. When the kind
 * has a key unique for ever (a unique index), duplicates are found by the index as the
 * rows go in, not by passes over the table afterwards.
 *
 * <p>
 * Lines stream into the COPY as the step reads them ({@link #add}), inside the chunk's
 * transaction, and the COPY ends when the chunk is written ({@link #write}). The chunk
 * goes in under a savepoint. Duplicates are rare: only when the index refuses a key is
 * the chunk written again through a temporary table and
 * {@code INSERT ... ON CONFLICT DO NOTHING}, in line order, so the first line of a key
 * counts. A line whose key is already taken in, from an accepted file or earlier in this
 * one, is a duplicate when its content is the same (counted, not loaded) and
 * DUPLICATE_TRANSACTION otherwise (rejected). A key held by another file whose import has
 * not finished stops the load: an operator finishes or abandons that import first.
 */
final class DetailCopy {

	/**
	 * Encodes an accepted line's table row for a binary COPY; null when a value has no
	 * exact binary form (the line then goes as text).
	 */
	@FunctionalInterface
	interface RowEncoder {

		byte[] encode(int lineNumber, Object[] values);

	}

	/** What the chunk came to: lines rejected by the key, and duplicates skipped. */
	record Outcome(List<CheckedLine> rejected, long duplicates, java.math.BigInteger duplicateAmount) {

	}

	private final FileKind kind;

	private final DataSource dataSource;

	private final String columns;

	private final String staging;

	/**
	 * The Java type each column takes in a binary COPY, or null when a column type has no
	 * binary form here (the kind's rows then go as text).
	 */
	private final Class<?>[] binaryTypes;

	/** The current chunk's COPY, from its first accepted line until it is written. */
	private CopyRuns chunk;

	private Savepoint savepoint;

	private Exception failure;

	DetailCopy(FileKind kind, DataSource dataSource) {
		this.kind = kind;
		this.dataSource = dataSource;
		this.columns = "file_id, line_number, " + kind.columns();
		this.staging = "pg_temp.intake_" + kind.slug().replace('-', '_');
		List<String> names = new ArrayList<>(List.of("file_id", "line_number"));
		names.addAll(kind.columnNames());
		this.binaryTypes = PgCopy.binaryTypes(new JdbcTemplate(dataSource), kind.table(), names);
	}

	/**
	 * Streams an accepted line into the chunk's COPY as it is read, so PostgreSQL takes
	 * in the chunk while the rest of it is still being read. The first line of a chunk
	 * sets the savepoint and starts the COPY; {@link #write} ends it. An error is kept
	 * for {@link #write}, which alone decides what it means.
	 */
	void add(long fileId, CheckedLine line) {
		if (this.failure != null) {
			return;
		}
		try {
			if (this.chunk == null) {
				if (this.kind.uniqueKey() != null) {
					this.savepoint = DataSourceUtils.getConnection(this.dataSource).setSavepoint();
				}
				this.chunk = new CopyRuns(this.dataSource, this.kind.table(), this.columns, fileId);
			}
			this.chunk.add(line);
		}
		catch (RuntimeException | SQLException ex) {
			this.failure = ex;
			if (this.chunk != null) {
				this.chunk.cancel();
			}
		}
	}

	/**
	 * Ends the chunk's COPY of {@code lines} (every accepted line of the chunk, each
	 * already {@linkplain #add added}). When the unique key refused a line, the chunk
	 * goes again, one line after the other.
	 */
	Outcome write(long fileId, List<CheckedLine> lines) {
		if (this.failure == null && this.chunk != null) {
			try {
				this.chunk.finish();
			}
			catch (RuntimeException ex) {
				this.failure = ex;
			}
		}
		this.chunk = null;
		Exception failed = this.failure;
		Savepoint savepoint = this.savepoint;
		this.failure = null;
		this.savepoint = null;
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			if (failed == null) {
				if (savepoint != null) {
					connection.releaseSavepoint(savepoint);
				}
				return new Outcome(List.of(), 0, java.math.BigInteger.ZERO);
			}
			if (savepoint == null || !isUniqueViolation(failed)) {
				throw failed instanceof RuntimeException runtime ? runtime
						: new IllegalStateException("COPY failed: " + ((SQLException) failed).getSQLState(), failed);
			}
			connection.rollback(savepoint);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Savepoint failed: " + ex.getSQLState(), ex);
		}
		return writeOneByOne(fileId, lines);
	}

	/**
	 * Abandons the chunk when it will not be written (its transaction rolls back): a COPY
	 * still open is cancelled, and the chunk's savepoint and error are forgotten.
	 */
	void cancel() {
		if (this.chunk != null) {
			this.chunk.cancel();
			this.chunk = null;
		}
		this.savepoint = null;
		this.failure = null;
	}

	private Outcome writeOneByOne(long fileId, List<CheckedLine> lines) {
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		jdbc.execute("CREATE TEMP TABLE IF NOT EXISTS " + this.staging + " (LIKE " + this.kind.table()
				+ ") ON COMMIT DELETE ROWS");
		copy(this.staging, fileId, lines);
		String key = this.kind.uniqueKey();
		jdbc.update("INSERT INTO " + this.kind.table() + " (" + this.columns + ") SELECT " + this.columns + " FROM "
				+ this.staging + " ORDER BY line_number ON CONFLICT (" + key + ") DO NOTHING");
		List<String> content = this.kind.columnNames().stream().filter(c -> !c.equals(key)).toList();
		String sql = "SELECT n.line_number, e.file_id = n.file_id OR f.status = 'ACCEPTED', (" + prefixed("n", content)
				+ ") IS NOT DISTINCT FROM (" + prefixed("e", content) + "), f.file_name, f.status FROM " + this.staging
				+ " n JOIN " + this.kind.table() + " e ON e." + key + " = n." + key
				+ " AND NOT (e.file_id = n.file_id AND e.line_number = n.line_number)"
				+ " JOIN batch.import_file f ON f.file_id = e.file_id ORDER BY n.line_number";
		Map<Integer, CheckedLine> byNumber = new HashMap<>();
		lines.forEach(line -> byNumber.put(line.lineNumber(), line));
		List<CheckedLine> rejected = new ArrayList<>();
		long[] duplicates = { 0 };
		java.math.BigInteger[] duplicateAmount = { java.math.BigInteger.ZERO };
		jdbc.query(sql, rs -> {
			int lineNumber = rs.getInt(1);
			if (!rs.getBoolean(2)) {
				throw new IllegalStateException("Line " + lineNumber + " has a " + key + " that file " + rs.getString(4)
						+ " also has, and that file's import has not finished (" + rs.getString(5)
						+ "). Run that import again to its end, or abandon it (settlement-batch executions, then "
						+ "settlement-batch abandon <executionId>); then run this one again.");
			}
			CheckedLine line = byNumber.get(lineNumber);
			if (rs.getBoolean(3)) {
				duplicates[0]++;
				duplicateAmount[0] = duplicateAmount[0].add(line.amount());
			}
			else {
				rejected.add(CheckedLine.rejected(lineNumber, "DUPLICATE_TRANSACTION", line.raw(), line.amount()));
			}
		});
		return new Outcome(rejected, duplicates[0], duplicateAmount[0]);
	}

	/**
	 * A row encoder for the lines of file {@code fileId}, for one thread: binary when
	 * every value has the Java type of its column, else none.
	 */
	RowEncoder encoder(long fileId) {
		if (this.binaryTypes == null || this.binaryTypes[0] != Long.class || this.binaryTypes[1] != Integer.class) {
			return (lineNumber, values) -> null;
		}
		PgCopy.Tuples tuples = new PgCopy.Tuples();
		return (lineNumber, values) -> fitsBinary(values) ? tuples.encode(fileId, lineNumber, values) : null;
	}

	private void copy(String table, long fileId, List<CheckedLine> lines) {
		CopyRuns runs = new CopyRuns(this.dataSource, table, this.columns, fileId);
		lines.forEach(runs::add);
		runs.finish();
	}

	/** Whether a line's values (the row after file id and line number) fit binary. */
	private boolean fitsBinary(Object[] values) {
		for (int i = 0; i < values.length; i++) {
			if (values[i] != null
					&& (values[i].getClass() != this.binaryTypes[i + 2] || !PgCopy.fitsBinary(values[i]))) {
				return false;
			}
		}
		return true;
	}

	private static String prefixed(String alias, List<String> columns) {
		return columns.stream().map(c -> alias + "." + c).collect(Collectors.joining(", "));
	}

	private static boolean isUniqueViolation(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

}
