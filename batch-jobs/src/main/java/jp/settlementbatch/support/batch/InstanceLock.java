package jp.settlementbatch.support.batch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * A PostgreSQL session advisory lock on one job instance, held on its own connection for
 * the whole run. Spring Batch alone does not stop two processes from restarting the same
 * failed execution at once; this does, across hosts, and dies with the process that holds
 * it.
 */
final class InstanceLock implements AutoCloseable {

	private final Connection connection;

	private final String key;

	private final boolean acquired;

	private InstanceLock(Connection connection, String key, boolean acquired) {
		this.connection = connection;
		this.key = key;
		this.acquired = acquired;
	}

	/**
	 * Whether a process holds the lock of {@code key}. Reads {@code pg_locks} and takes
	 * no lock itself.
	 */
	static boolean isHeld(DataSource dataSource, String key) {
		Boolean held = new org.springframework.jdbc.core.JdbcTemplate(dataSource).queryForObject("""
				SELECT EXISTS (SELECT 1 FROM pg_locks l
				               WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
				                 AND l.classid::bigint = ((h.k >> 32) & 4294967295)
				                 AND l.objid::bigint = (h.k & 4294967295))
				FROM (SELECT hashtextextended(?, 0) AS k) h""", Boolean.class, key);
		return Boolean.TRUE.equals(held);
	}

	static InstanceLock tryAcquire(DataSource dataSource, String key) throws SQLException {
		Connection connection = dataSource.getConnection();
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT pg_try_advisory_lock(hashtextextended(?, 0))")) {
			statement.setString(1, key);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				boolean acquired = rs.getBoolean(1);
				if (!connection.getAutoCommit()) {
					connection.commit();
				}
				return new InstanceLock(connection, key, acquired);
			}
		}
		catch (SQLException ex) {
			connection.close();
			throw ex;
		}
	}

	boolean acquired() {
		return this.acquired;
	}

	@Override
	public void close() throws SQLException {
		try {
			if (this.acquired) {
				try (PreparedStatement statement = this.connection
					.prepareStatement("SELECT pg_advisory_unlock(hashtextextended(?, 0))")) {
					statement.setString(1, this.key);
					statement.execute();
				}
			}
		}
		finally {
			this.connection.close();
		}
	}

}
