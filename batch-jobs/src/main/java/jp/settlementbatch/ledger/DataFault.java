package jp.settlementbatch.ledger;

import java.sql.SQLException;

/**
 * Whether a failed write was the database refusing the rows (a constraint, a value out of
 * range: SQLSTATE classes 23 and 22), which holds the account that wrote them, rather
 * than the database or the connection failing, which fails the step (exit 1).
 */
final class DataFault {

	private DataFault() {
	}

	static boolean refused(Throwable failure) {
		SQLException sql = sqlException(failure);
		String state = (sql == null) ? null : sql.getSQLState();
		return state != null && (state.startsWith("23") || state.startsWith("22"));
	}

	/** The database's own words, first line only (values it quotes are account data). */
	static String reason(Throwable failure) {
		SQLException sql = sqlException(failure);
		String message = (sql == null || sql.getMessage() == null) ? String.valueOf(failure) : sql.getMessage();
		int newline = message.indexOf('\n');
		return (newline < 0) ? message : message.substring(0, newline);
	}

	private static SQLException sqlException(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql) {
				return sql;
			}
		}
		return null;
	}

}
