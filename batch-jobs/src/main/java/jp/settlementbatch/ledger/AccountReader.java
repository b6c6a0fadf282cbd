package jp.settlementbatch.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Streams the work of a ledger job one account at a time: one query, ordered by
 * account_id, whose consecutive rows of the same account become one item. The query runs
 * on its own read-only connection with a cursor (constant memory), and selects only
 * accounts whose watermark is before the business date, so a restart simply reads what is
 * left: no reader position is saved.
 *
 * @param <T> the per-account item
 */
public final class AccountReader<T> implements ItemStreamReader<T> {

	/** Builds an item from its account's rows. */
	public interface Grouper<T> {

		T start(ResultSet first) throws SQLException;

		void add(T item, ResultSet row) throws SQLException;

	}

	private final DataSource dataSource;

	private final String sql;

	private final Object[] parameters;

	private final Grouper<T> grouper;

	private Connection connection;

	private ResultSet rows;

	private boolean hasRow;

	public AccountReader(DataSource dataSource, String sql, Grouper<T> grouper, Object... parameters) {
		this.dataSource = dataSource;
		this.sql = sql;
		this.grouper = grouper;
		this.parameters = parameters;
	}

	@Override
	public void open(ExecutionContext executionContext) {
		try {
			this.connection = this.dataSource.getConnection();
			this.connection.setAutoCommit(false);
			PreparedStatement statement = this.connection.prepareStatement(this.sql);
			statement.setFetchSize(5000);
			for (int i = 0; i < this.parameters.length; i++) {
				statement.setObject(i + 1, this.parameters[i]);
			}
			this.rows = statement.executeQuery();
			this.hasRow = this.rows.next();
		}
		catch (SQLException ex) {
			close();
			throw new ItemStreamException("Could not read the accounts to process: " + ex.getMessage(), ex);
		}
	}

	@Override
	public T read() throws SQLException {
		if (!this.hasRow) {
			return null;
		}
		String account = this.rows.getString("account_id");
		T item = this.grouper.start(this.rows);
		do {
			this.grouper.add(item, this.rows);
			this.hasRow = this.rows.next();
		}
		while (this.hasRow && account.equals(this.rows.getString("account_id")));
		return item;
	}

	@Override
	public void close() {
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
		}
	}

}
