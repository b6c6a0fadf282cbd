package jp.settlementbatch.support.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import jp.settlementbatch.support.csv.PanGuard;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A repeatable correction (Flyway, run once per {@link #getChecksum()}): masks every card
 * number the PAN guard finds, in any of the forms files.md names, in the stored text of
 * the domain schemas and of the job metadata. An earlier guard knew only ASCII digits
 * with spaces or dashes between groups, so a number in fullwidth digits, split by
 * zero-width spaces or written with dots could have been stored whole. Masked text holds
 * no number, so running it again changes nothing.
 */
public final class StoredCardNumbers implements JavaMigration {

	/** Raise it when the guard learns a new form: the correction then runs again. */
	private static final int GUARD_VERSION = 2;

	private static final List<String> SCHEMAS = List.of("payment", "repayment", "card", "application", "batch");

	@Override
	public MigrationVersion getVersion() {
		return null; // repeatable
	}

	@Override
	public String getDescription() {
		return "mask stored card numbers";
	}

	@Override
	public Integer getChecksum() {
		return GUARD_VERSION;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws SQLException {
		maskAll(context.getConnection());
	}

	/**
	 * Masks every stored card number; returns how many values it changed.
	 */
	public static long maskAll(Connection connection) throws SQLException {
		List<String[]> columns = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement("""
				SELECT c.table_schema, c.table_name, c.column_name FROM information_schema.columns c
				JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
				WHERE t.table_type = 'BASE TABLE' AND c.table_schema = ANY (?)
				  AND c.data_type IN ('text', 'character varying', 'character')
				  AND c.table_name NOT LIKE 'flyway%'
				ORDER BY 1, 2, 3""")) {
			query.setArray(1, connection.createArrayOf("text", SCHEMAS.toArray()));
			try (ResultSet rs = query.executeQuery()) {
				while (rs.next()) {
					columns.add(new String[] { rs.getString(1), rs.getString(2), rs.getString(3) });
				}
			}
		}
		long changed = 0;
		for (String[] column : columns) {
			changed += mask(connection, '"' + column[0] + "\".\"" + column[1] + '"', '"' + column[2] + '"');
		}
		return changed;
	}

	/**
	 * Masks one column: only values with a digit or a character outside ASCII can hold a
	 * number in any form.
	 */
	private static long mask(Connection connection, String table, String column) throws SQLException {
		List<Object[]> updates = new ArrayList<>();
		try (Statement query = connection.createStatement()) {
			query.setFetchSize(10_000);
			try (ResultSet rs = query.executeQuery(
					"SELECT ctid, " + column + " FROM " + table + " WHERE " + column + " ~ '[0-9]|[^\\x01-\\x7F]'")) {
				while (rs.next()) {
					String value = rs.getString(2);
					String masked = PanGuard.mask(value);
					if (!masked.equals(value)) {
						updates.add(new Object[] { masked, rs.getObject(1) });
					}
				}
			}
		}
		if (updates.isEmpty()) {
			return 0;
		}
		try (PreparedStatement update = connection
			.prepareStatement("UPDATE " + table + " SET " + column + " = ? WHERE ctid = ?")) {
			for (Object[] row : updates) {
				update.setString(1, (String) row[0]);
				update.setObject(2, row[1]);
				update.addBatch();
			}
			update.executeBatch();
		}
		return updates.size();
	}

}
