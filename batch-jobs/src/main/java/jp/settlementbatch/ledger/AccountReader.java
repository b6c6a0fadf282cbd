package jp.settlementbatch.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Streams the work of a ledger job one account at a time: one query, ordered by
 * account_id, whose consecutive rows of the same account become one item. The query runs
 * on its own connection, in a read-only transaction it rolls back, with a cursor
 * (constant memory). It leaves out the accounts whose watermark is already the business
 * date, so a restart simply reads what is left: no reader position is saved. Either the
 * query itself filters on the watermark, or a second query on the same connection lists
 * the accounts already done, in the same order, and the reader steps through both streams
 * together: a query that reads a table the job writes while the cursor is open must not
 * join it row by row, or its cost would depend on the statistics that table had when the
 * job started.
 * <p>
 * The rows are read and grouped on a thread of the reader's own, up to {@code readAhead}
 * items ahead of the step, so reading the next chunk overlaps writing this one; the
 * step's thread only takes the items.
 *
 * @param <T> the per-account item
 */
public final class AccountReader<T> implements ItemStreamReader<T> {

	private static final Object END = new Object();

	private record Failure(Exception cause) {
	}

	/** Builds an item from its account's rows. */
	public interface Grouper<T> {

		T start(ResultSet first) throws SQLException;

		void add(T item, ResultSet row) throws SQLException;

	}

	private final DataSource dataSource;

	private final String sql;

	private final Object[] parameters;

	private final Grouper<T> grouper;

	private String doneSql;

	private Object[] doneParameters;

	private ResultSet done;

	private String lastDone;

	private Connection connection;

	private ResultSet rows;

	private boolean hasRow;

	private final BlockingQueue<Object> ahead;

	private Thread fetcher;

	private volatile boolean closing;

	public AccountReader(DataSource dataSource, String sql, Grouper<T> grouper, int readAhead, Object... parameters) {
		this.dataSource = dataSource;
		this.sql = sql;
		this.grouper = grouper;
		this.parameters = parameters;
		this.ahead = new ArrayBlockingQueue<>(readAhead + 1);
	}

	/**
	 * The accounts to leave out: a query of account ids ordered as the main query (by
	 * {@code account_id COLLATE "C"}).
	 */
	public AccountReader<T> except(String sql, Object... parameters) {
		this.doneSql = sql;
		this.doneParameters = parameters;
		return this;
	}

	@Override
	public void open(ExecutionContext executionContext) {
		try {
			this.connection = this.dataSource.getConnection();
			this.connection.setAutoCommit(false);
			this.connection.setReadOnly(true);
			this.rows = query(this.sql, this.parameters);
			this.hasRow = this.rows.next();
			if (this.doneSql != null) {
				this.done = query(this.doneSql, this.doneParameters);
				this.lastDone = "";
			}
		}
		catch (SQLException ex) {
			close();
			throw new ItemStreamException("Could not read the accounts to process: " + ex.getMessage(), ex);
		}
		this.closing = false;
		this.fetcher = new Thread(this::fetch, "account-reader");
		this.fetcher.setDaemon(true);
		this.fetcher.start();
	}

	/**
	 * The reader's thread: groups the rows into items and queues them, then the end (or
	 * what went wrong).
	 */
	private void fetch() {
		try {
			T item;
			do {
				item = next();
				this.ahead.put(item == null ? END : item);
			}
			while (item != null && !this.closing);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (SQLException | RuntimeException | Error ex) {
			// an Error too: the step must not wait for a thread that is gone
			Exception failure = (ex instanceof Exception exception) ? exception
					: new IllegalStateException("The thread reading the accounts ahead failed: " + ex, ex);
			try {
				this.ahead.put(new Failure(failure));
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private ResultSet query(String sql, Object[] parameters) throws SQLException {
		PreparedStatement statement = this.connection.prepareStatement(sql);
		statement.setFetchSize(5000);
		for (int i = 0; i < parameters.length; i++) {
			statement.setObject(i + 1, parameters[i]);
		}
		return statement.executeQuery();
	}

	@Override
	@SuppressWarnings("unchecked")
	public T read() throws SQLException, InterruptedException {
		Object next = this.ahead.poll(1, TimeUnit.SECONDS);
		while (next == null) {
			if (!this.fetcher.isAlive() && (next = this.ahead.poll()) == null) {
				throw new IllegalStateException(
						"The thread reading the accounts ahead ended without a word: run the same command again.");
			}
			next = (next != null) ? next : this.ahead.poll(1, TimeUnit.SECONDS);
		}
		if (next == END) {
			this.ahead.put(END);
			return null;
		}
		if (next instanceof Failure failure) {
			this.ahead.put(failure);
			if (failure.cause() instanceof SQLException ex) {
				throw ex;
			}
			throw (RuntimeException) failure.cause();
		}
		return (T) next;
	}

	private T next() throws SQLException {
		while (this.hasRow) {
			String account = this.rows.getString("account_id");
			if (isDone(account)) {
				do {
					this.hasRow = this.rows.next();
				}
				while (this.hasRow && account.equals(this.rows.getString("account_id")));
				continue;
			}
			T item = this.grouper.start(this.rows);
			do {
				this.grouper.add(item, this.rows);
				this.hasRow = this.rows.next();
			}
			while (this.hasRow && account.equals(this.rows.getString("account_id")));
			return item;
		}
		return null;
	}

	/**
	 * Whether {@code account} is in the stream of accounts done: both streams are in the
	 * same order, so the done stream only moves forward (ids are ASCII, so Java's order
	 * is the "C" collation's).
	 */
	private boolean isDone(String account) throws SQLException {
		if (this.done == null) {
			return false;
		}
		while (this.lastDone != null && this.lastDone.compareTo(account) < 0) {
			this.lastDone = this.done.next() ? this.done.getString(1) : null;
		}
		return account.equals(this.lastDone);
	}

	@Override
	public void close() {
		if (this.fetcher != null) {
			this.closing = true;
			this.fetcher.interrupt();
			try {
				this.fetcher.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.fetcher = null;
			this.ahead.clear();
		}
		if (this.connection != null) {
			try {
				this.connection.rollback();
				this.connection.close();
			}
			catch (SQLException ex) {
				// the connection is gone; nothing was written through it
			}
			this.connection = null;
			this.rows = null;
			this.done = null;
		}
	}

}
