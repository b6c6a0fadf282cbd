package jp.settlementbatch.support.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Streams rows into a table with PostgreSQL {@code COPY ... FROM STDIN} (text format) on
 * the connection of the current transaction, so rows and job metadata commit together.
 * Values are escaped and UTF-8 encoded in one pass straight into the send buffer: this is
 * the hot path of every import.
 */
public final class PgCopy {

	private static final int FLUSH_AT = 1 << 16;

	private final CopyIn copy;

	private byte[] buffer = new byte[FLUSH_AT + 4096];

	private int position;

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
	 * Appends one row; values are String, Long, Integer, BigDecimal, Boolean, dates, or
	 * null.
	 */
	public PgCopy row(Object... values) {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				put((byte) '\t');
			}
			append(values[i]);
		}
		put((byte) '\n');
		this.rows++;
		if (this.position >= FLUSH_AT) {
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
			put((byte) '\\');
			put((byte) 'N');
		}
		else if (value instanceof String text) {
			escape(text);
		}
		else if (value instanceof BigDecimal decimal) {
			escape(decimal.toPlainString());
		}
		else {
			// numbers, booleans and ISO dates: ASCII without specials
			escape(value.toString());
		}
	}

	private void escape(String text) {
		int length = text.length();
		ensure(length * 3 + 2);
		byte[] out = this.buffer;
		int p = this.position;
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				switch (c) {
					case '\\' -> {
						out[p++] = '\\';
						out[p++] = '\\';
					}
					case '\t' -> {
						out[p++] = '\\';
						out[p++] = 't';
					}
					case '\n' -> {
						out[p++] = '\\';
						out[p++] = 'n';
					}
					case '\r' -> {
						out[p++] = '\\';
						out[p++] = 'r';
					}
					default -> out[p++] = (byte) c;
				}
			}
			else if (c < 0x800) {
				out[p++] = (byte) (0xC0 | (c >> 6));
				out[p++] = (byte) (0x80 | (c & 0x3F));
			}
			else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
				int cp = Character.toCodePoint(c, text.charAt(++i));
				out[p++] = (byte) (0xF0 | (cp >> 18));
				out[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
				out[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
				out[p++] = (byte) (0x80 | (cp & 0x3F));
			}
			else {
				out[p++] = (byte) (0xE0 | (c >> 12));
				out[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
				out[p++] = (byte) (0x80 | (c & 0x3F));
			}
		}
		this.position = p;
	}

	private void put(byte b) {
		ensure(1);
		this.buffer[this.position++] = b;
	}

	private void ensure(int more) {
		if (this.position + more > this.buffer.length) {
			this.buffer = Arrays.copyOf(this.buffer, Math.max(this.buffer.length * 2, this.position + more));
		}
	}

	private void flush() {
		if (this.position == 0) {
			return;
		}
		try {
			this.copy.writeToCopy(this.buffer, 0, this.position);
			this.position = 0;
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
