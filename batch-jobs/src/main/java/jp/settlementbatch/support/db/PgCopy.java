package jp.settlementbatch.support.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Streams rows into a table with PostgreSQL {@code COPY ... FROM STDIN} on the connection
 * of the current transaction, so rows and job metadata commit together. Values are
 * encoded in one pass straight into the send buffer: this is the hot path of every
 * import. Text format takes any value; binary format (when every value has the Java type
 * of its column) spares the server parsing numbers, dates and timestamps, which measured
 * 0.2–0.4 s less server time per million cash flows. A binary row can also be encoded
 * ahead, on another thread, with a {@link Tuples} encoder and appended as bytes.
 */
public final class PgCopy {

	private static final int FLUSH_AT = 1 << 16;

	private static final byte[] BINARY_HEADER = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0,
			0, 0, 0, 0, 0, 0 };

	private final CopyIn copy;

	private final boolean binary;

	private final CopyBytes out = new CopyBytes(FLUSH_AT + 4096);

	private long rows;

	private PgCopy(CopyIn copy, boolean binary) {
		this.copy = copy;
		this.binary = binary;
		if (binary) {
			this.out.put(BINARY_HEADER);
		}
	}

	/**
	 * Starts a COPY (text format) on the transaction-bound connection of
	 * {@code dataSource}.
	 */
	public static PgCopy into(DataSource dataSource, String table, String columns) {
		return start(dataSource, table, columns, false);
	}

	/**
	 * Starts a COPY in PostgreSQL's binary format, which the server takes in without
	 * parsing numbers, dates and timestamps. Every value must be of the Java type of its
	 * column: String for text columns, Long for BIGINT, Integer for INTEGER, LocalDate
	 * for DATE, Instant for TIMESTAMPTZ (whole microseconds), Boolean, or null.
	 */
	public static PgCopy binaryInto(DataSource dataSource, String table, String columns) {
		return start(dataSource, table, columns, true);
	}

	/**
	 * Whether the binary format holds {@code value} exactly: not an instant with digits
	 * below the microsecond (as text, PostgreSQL rounds those itself).
	 */
	public static boolean fitsBinary(Object value) {
		return !(value instanceof Instant at) || at.getNano() % 1_000 == 0;
	}

	private static PgCopy start(DataSource dataSource, String table, String columns, boolean binary) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			PGConnection pg = connection.unwrap(PGConnection.class);
			return new PgCopy(
					pg.getCopyAPI()
						.copyIn("COPY " + table + " (" + columns + ") FROM STDIN" + (binary ? " (FORMAT binary)" : "")),
					binary);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not start COPY into " + table, ex);
		}
	}

	/**
	 * Appends one row; values are String, Long, Integer, BigDecimal, Boolean, dates, or
	 * null (in a binary COPY: the types of {@link #binaryInto}).
	 */
	public PgCopy row(Object... values) {
		if (this.binary) {
			this.out.binaryTuple(values);
		}
		else {
			this.out.textRow(values);
		}
		return rowAdded();
	}

	/** Appends one row of a binary COPY, encoded ahead by a {@link Tuples} encoder. */
	public PgCopy encodedRow(byte[] tuple) {
		if (!this.binary) {
			throw new IllegalStateException("An encoded row goes only into a binary COPY");
		}
		this.out.put(tuple);
		return rowAdded();
	}

	private PgCopy rowAdded() {
		this.rows++;
		if (this.out.position >= FLUSH_AT) {
			flush();
		}
		return this;
	}

	public long finish() {
		try {
			if (this.binary) {
				this.out.putShort(-1); // the end of the rows
			}
			flush();
			return this.copy.endCopy();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("COPY failed after " + this.rows + " rows: " + ex.getSQLState(), ex);
		}
	}

	/**
	 * Abandons the COPY if it is still open: none of its rows stay, and the transaction
	 * can go on only after a rollback (to a savepoint set before it).
	 */
	public void cancel() {
		try {
			if (this.copy.isActive()) {
				this.copy.cancelCopy();
			}
		}
		catch (SQLException ex) {
			// the server ends the COPY with an error either way
		}
	}

	private void flush() {
		if (this.out.position == 0) {
			return;
		}
		try {
			this.copy.writeToCopy(this.out.buffer, 0, this.out.position);
			this.out.position = 0;
		}
		catch (SQLException ex) {
			try {
				this.copy.cancelCopy();
			}
			catch (SQLException suppressed) {
				ex.addSuppressed(suppressed);
			}
			throw new UncheckedIOException(new IOException("COPY interrupted: " + ex.getSQLState(), ex));
		}
	}

	/**
	 * Encodes rows of a binary COPY ahead of it, one {@code byte[]} per row, for
	 * {@link #encodedRow}. Not thread-safe: one encoder per thread.
	 */
	public static final class Tuples {

		private final CopyBytes out = new CopyBytes(512);

		/**
		 * The row {@code (first, second, values...)} in binary COPY form: a BIGINT, an
		 * INTEGER, then values as for {@link #binaryInto}.
		 */
		public byte[] encode(long first, int second, Object[] values) {
			this.out.position = 0;
			this.out.putShort(values.length + 2);
			this.out.bigint(first);
			this.out.integer(second);
			this.out.binaryValues(values);
			return Arrays.copyOf(this.out.buffer, this.out.position);
		}

	}

	/**
	 * The Java type each of {@code columns} of {@code table} takes in a binary COPY, or
	 * null when one has no binary form here.
	 */
	public static Class<?>[] binaryTypes(JdbcTemplate jdbc, String table, List<String> columns) {
		Map<String, String> types = new HashMap<>();
		jdbc.query(
				"SELECT attname, format_type(atttypid, NULL) FROM pg_attribute WHERE attrelid = ?::regclass AND attnum > 0",
				rs -> {
					types.put(rs.getString(1), rs.getString(2));
				}, table);
		Class<?>[] classes = new Class<?>[columns.size()];
		for (int i = 0; i < classes.length; i++) {
			classes[i] = switch (String.valueOf(types.get(columns.get(i)))) {
				case "text", "character varying", "character" -> String.class;
				case "bigint" -> Long.class;
				case "integer" -> Integer.class;
				case "date" -> LocalDate.class;
				case "timestamp with time zone" -> Instant.class;
				case "boolean" -> Boolean.class;
				default -> null;
			};
			if (classes[i] == null) {
				return null;
			}
		}
		return classes;
	}

}
