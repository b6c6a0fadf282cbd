package jp.settlementbatch.support.intake;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Map;

import javax.sql.DataSource;

import jp.settlementbatch.support.intake.FileKind.Accounts;
import org.postgresql.PGConnection;

import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The account ids and which of them are closed, read once when a load starts, so each
 * line's account is checked in memory as it is read instead of by a second pass over the
 * loaded rows. When the ids lie close together, as ids given out in sequence do, they are
 * held as two {@link BitSet}s over their range (two bits per id in the range); otherwise
 * as a sorted array searched by halves, with a bit set of the closed ones (8 bytes and a
 * bit per account), whatever the size of the file.
 *
 * <p>
 * The accounts are read with {@code COPY ... TO STDOUT} and taken as they stream in: the
 * driver does not hold the whole result first, so reading a book of millions of accounts
 * needs no memory beyond the book itself.
 */
final class AccountBook {

	/**
	 * As read: each id shifted left by one, its low bit set when the account is closed.
	 */
	private long[] keys = new long[1 << 12];

	/** Sorted, after {@link #seal()}, unless the book is dense. */
	private long[] ids;

	private int size;

	/** Which accounts are closed: by position in {@link #ids}, or by bit when dense. */
	private BitSet closed;

	private long lowest;

	/** Dense form: bit {@code id - lowest} set for every account. */
	private BitSet known;

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
		int at;
		if (this.known != null) {
			long bit = id - this.lowest;
			at = (bit < 0 || bit >= this.known.length() || !this.known.get((int) bit)) ? -1 : (int) bit;
		}
		else {
			at = (id < 0) ? -1 : Arrays.binarySearch(this.ids, 0, this.size, id);
		}
		if (at < 0) {
			return "UNKNOWN_ACCOUNT";
		}
		return rule == Accounts.OPEN && this.closed.get(at) ? "ACCOUNT_CLOSED" : null;
	}

	/** Adds an account, unless its id (-1) is of another shape: no line can name it. */
	private void add(long id, boolean closed) {
		if (id < 0) {
			return;
		}
		if (this.size == this.keys.length) {
			this.keys = Arrays.copyOf(this.keys, this.size * 2);
		}
		// ids are ten digits (< 2^34): the closed bit rides below them
		this.keys[this.size++] = (id << 1) | (closed ? 1 : 0);
	}

	/**
	 * Sorts the ids with their closed bits, then chooses the dense form when it takes no
	 * more memory: fewer than 32 ids in the range per account.
	 */
	private AccountBook seal() {
		Arrays.sort(this.keys, 0, this.size);
		this.ids = new long[this.size];
		this.closed = new BitSet(this.size);
		int distinct = 0;
		for (int i = 0; i < this.size; i++) {
			long key = this.keys[i];
			long id = key >>> 1;
			if (distinct > 0 && this.ids[distinct - 1] == id) {
				distinct--; // an id read twice counts once, closed if either row says so
			}
			this.ids[distinct] = id;
			this.closed.set(distinct, (key & 1) != 0);
			distinct++;
		}
		this.size = distinct;
		this.keys = null;
		if (distinct > 0 && this.ids[distinct - 1] - this.ids[0] < 32L * distinct) {
			this.lowest = this.ids[0];
			this.known = new BitSet();
			BitSet closedByBit = new BitSet();
			for (int i = 0; i < distinct; i++) {
				int bit = (int) (this.ids[i] - this.lowest);
				this.known.set(bit);
				closedByBit.set(bit, this.closed.get(i));
			}
			this.closed = closedByBit;
			this.ids = null;
		}
		return this;
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
