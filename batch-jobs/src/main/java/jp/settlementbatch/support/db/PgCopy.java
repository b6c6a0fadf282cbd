package jp.settlementbatch.support.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Streams rows into a table with PostgreSQL {@code COPY ... FROM STDIN} (text format) on
 * the connection of the current transaction, so rows and job metadata commit together.
 */
public final class PgCopy {

	private final StringBuilder buffer = new StringBuilder(1 << 16);

	private final CopyIn copy;

	private long rows;

	private PgCopy(CopyIn copy) {
		this.copy = copy;
	}

	/** Starts a COPY on the transaction-bound connection of {@code dataSource}. */
	public static PgCopy into(DataSource dataSource, String table, String columns) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			PGConnection pg = connection.unwrap(PGConnection.class);
			return new PgCopy(pg.getCopyAPI().copyIn("COPY " + table + " (" + columns + ") FROM STDIN"));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not start COPY into " + table, ex);
		}
	}

	/**
	 * Appends one row; values are String, Number, Boolean, LocalDate, OffsetDateTime or
	 * null.
	 */
	public PgCopy row(Object... values) {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				this.buffer.append('\t');
			}
			append(values[i]);
		}
		this.buffer.append('\n');
		this.rows++;
		if (this.buffer.length() > (1 << 16)) {
			flush();
		}
		return this;
	}

	public long finish() {
		try {
			flush();
			return this.copy.endCopy();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("COPY failed after " + this.rows + " rows: " + ex.getSQLState(), ex);
		}
	}

	private void append(Object value) {
		if (value == null) {
			this.buffer.append("\\N");
		}
		else if (value instanceof String text) {
			escape(text);
		}
		else if (value instanceof Long || value instanceof Integer || value instanceof BigDecimal
				|| value instanceof Boolean || value instanceof LocalDate || value instanceof OffsetDateTime) {
			this.buffer.append(value);
		}
		else {
			escape(value.toString());
		}
	}

	private void escape(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\\' -> this.buffer.append("\\\\");
				case '\t' -> this.buffer.append("\\t");
				case '\n' -> this.buffer.append("\\n");
				case '\r' -> this.buffer.append("\\r");
				default -> this.buffer.append(c);
			}
		}
	}

	private void flush() {
		if (this.buffer.length() == 0) {
			return;
		}
		byte[] bytes = this.buffer.toString().getBytes(StandardCharsets.UTF_8);
		this.buffer.setLength(0);
		try {
			this.copy.writeToCopy(bytes, 0, bytes.length);
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

}
