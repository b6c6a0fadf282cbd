package jp.settlementbatch.support.intake;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import jp.settlementbatch.support.intake.FileKind.Accounts;
import org.postgresql.PGConnection;

import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The account ids and which of them are closed, read once when a load starts, so each
 * line's account is checked in memory as it is read instead of by a second pass over the
 * loaded rows. Account ids are ten digits: held in an open-addressing table of
 * {@code long}s, about 16 bytes per account (16 MB per million accounts), whatever the
 * size of the file. When the ids lie close together, as ids given out in sequence do,
 * they are held instead as two bit sets over their range (at most 16 bytes per account
 * too), small enough to stay in the processor's cache while a file is checked.
 *
 * <p>
 * The accounts are read with {@code COPY ... TO STDOUT} and taken as they stream in: the
 * driver does not hold the whole result first, so reading a book of millions of accounts
 * needs no memory beyond the book itself.
 */
final class AccountBook {

	private static final long CLOSED = 1L << 62;

	/** id + 1 (0 marks a free slot), with {@link #CLOSED} set for a closed account. */
	private long[] slots = new long[1 << 12];

	private int size;

	private long lowest = Long.MAX_VALUE;

	private long highest = -1;

	/** Dense form: bit {@code id - lowest} set for every account, and for closed ones. */
	private long[] known;

	private long[] closed;

	private AccountBook() {
	}

	static AccountBook read(DataSource dataSource) {
		Rows rows = new Rows();
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyOut("COPY (SELECT account_id, status = 'CLOSED' FROM card.account) TO STDOUT", rows);
		}
		catch (SQLException | IOException ex) {
			throw new IllegalStateException("Reading the accounts failed: " + ex.getMessage(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
		return rows.book();
	}

	/** A book of the given accounts (id → closed). */
	static AccountBook of(Map<String, Boolean> accounts) {
		AccountBook book = new AccountBook();
		accounts.forEach((id, closed) -> book.add(parse(id), closed));
		return book.seal();
	}

	/** Whether the ids are held as bit sets over their range. */
	boolean dense() {
		return this.known != null;
	}

	/** The reject reason for a line naming {@code accountId}, or null when it may. */
	String rejection(String accountId, Accounts rule) {
		if (rule == Accounts.ANY) {
			return null;
		}
		long id = parse(accountId);
		boolean isClosed;
		if (this.known != null) {
			long bit = id - this.lowest;
			if (bit < 0 || id > this.highest || (this.known[(int) (bit >>> 6)] & (1L << bit)) == 0) {
				return "UNKNOWN_ACCOUNT";
			}
			isClosed = (this.closed[(int) (bit >>> 6)] & (1L << bit)) != 0;
		}
		else {
			long slot = id < 0 ? 0 : this.slots[find(this.slots, id)];
			if (slot == 0) {
				return "UNKNOWN_ACCOUNT";
			}
			isClosed = (slot & CLOSED) != 0;
		}
		return rule == Accounts.OPEN && isClosed ? "ACCOUNT_CLOSED" : null;
	}

	/** Adds an account, unless its id (-1) is of another shape: no line can name it. */
	private void add(long id, boolean closed) {
		if (id >= 0) {
			insert(id, closed);
			this.lowest = Math.min(this.lowest, id);
			this.highest = Math.max(this.highest, id);
		}
	}

	/**
	 * Chooses the dense form when it takes no more memory than the table: two bits per id
	 * in the range, so fewer than 64 ids in the range per account (16 bytes).
	 */
	private AccountBook seal() {
		if (this.size > 0 && this.highest - this.lowest < 64L * this.size) {
			int words = (int) ((this.highest - this.lowest) >>> 6) + 1;
			this.known = new long[words];
			this.closed = new long[words];
			for (long slot : this.slots) {
				if (slot != 0) {
					long bit = (slot & ~CLOSED) - 1 - this.lowest;
					this.known[(int) (bit >>> 6)] |= 1L << bit;
					if ((slot & CLOSED) != 0) {
						this.closed[(int) (bit >>> 6)] |= 1L << bit;
					}
				}
			}
			this.slots = null;
		}
		return this;
	}

	private void insert(long id, boolean closed) {
		if (2 * (this.size + 1) > this.slots.length) {
			long[] larger = new long[this.slots.length * 2];
			for (long slot : this.slots) {
				if (slot != 0) {
					larger[find(larger, (slot & ~CLOSED) - 1)] = slot;
				}
			}
			this.slots = larger;
		}
		int at = find(this.slots, id);
		if (this.slots[at] == 0) {
			this.size++;
		}
		this.slots[at] = (id + 1) | (closed ? CLOSED : 0);
	}

	/** The slot of {@code id}, or the free slot where it would go. */
	private static int find(long[] slots, long id) {
		int mask = slots.length - 1;
		int at = Long.hashCode(id * 0x9E3779B97F4A7C15L) & mask;
		while (slots[at] != 0 && ((slots[at] & ~CLOSED) - 1) != id) {
			at = (at + 1) & mask;
		}
		return at;
	}

	private static long parse(String accountId) {
		if (accountId == null || accountId.length() != 10) {
			return -1;
		}
		long value = 0;
		for (int i = 0; i < 10; i++) {
			char c = accountId.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	/**
	 * The rows of {@code COPY (SELECT account_id, closed) TO STDOUT}, in its text format,
	 * taken into a book byte by byte as they arrive: an id, a tab, {@code t} or
	 * {@code f}, a newline. An id that is not ten digits is left out, as {@link #parse}
	 * leaves it.
	 */
	static final class Rows extends OutputStream {

		private final AccountBook book = new AccountBook();

		private long id;

		private int digits;

		private boolean other;

		private boolean inClosed;

		private boolean closed;

		@Override
		public void write(int b) {
			if (b == '\n') {
				this.book.add(this.other || this.digits != 10 ? -1 : this.id, this.closed);
				this.id = 0;
				this.digits = 0;
				this.other = false;
				this.inClosed = false;
				this.closed = false;
			}
			else if (this.inClosed) {
				this.closed = b == 't';
			}
			else if (b == '\t') {
				this.inClosed = true;
			}
			else if (b >= '0' && b <= '9' && this.digits < 10) {
				this.id = this.id * 10 + (b - '0');
				this.digits++;
			}
			else {
				this.other = true;
			}
		}

		@Override
		public void write(byte[] bytes, int offset, int length) {
			for (int i = offset; i < offset + length; i++) {
				write(bytes[i]);
			}
		}

		AccountBook book() {
			return this.book.seal();
		}

	}

}
