package jp.settlementbatch.support.db;

import java.sql.Connection;
import java.sql.DriverManager;

import jp.settlementbatch.support.testing.Cli;
import jp.settlementbatch.support.testing.Snapshot;
import jp.settlementbatch.support.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The correction of data an earlier PAN guard let through: card numbers in fullwidth
 * digits, split by zero-width spaces or written with dots are masked wherever they were
 * stored, and the correction is idempotent.
 */
class StoredCardNumbersIntegrationTests {

	@Test
	void masksWhatTheEarlierGuardStoredAndChangesNothingTheSecondTime() throws Exception {
		// given a database the earlier guard filled: numbers in forms it did not know
		String url = TestDatabase.fresh();
		assertThat(new Cli(url).run("executions").exitCode()).as("creates the schema").isZero();
		JdbcTemplate jdbc = Snapshot.jdbc(url);
		jdbc.update(
				"""
						INSERT INTO payment.cash_flow (file_id, line_number, transaction_id, account_id, type, amount, currency,
						    transacted_at, value_date, merchant_name, card_last4)
						VALUES (1, 2, 'T1', '1000000001', 'PURCHASE', 100, 'JPY', now(), current_date, 'カード４１１１１１１１１１１１１１１１', '1111'),
						       (1, 3, 'T2', '1000000001', 'PURCHASE', 100, 'JPY', now(), current_date, E'4111\\u200b1111\\u200b1111\\u200b1111', '1111'),
						       (1, 4, 'T3', '1000000001', 'PURCHASE', 100, 'JPY', now(), current_date, '店 4111.1111.1111.1111', '1111'),
						       (1, 5, 'T4', '1000000001', 'PURCHASE', 100, 'JPY', now(), current_date, 'ローソン 新宿西口店', '1111')""");
		long file = jdbc.queryForObject(
				"""
						INSERT INTO batch.import_file (file_name, file_type, business_date, sha256, size_bytes, source_uri, status)
						VALUES ('cashflow_20261120.csv', 'CASH_FLOWS', '2026-11-20', repeat('0', 64), 1, 'x', 'REJECTED')
						RETURNING file_id""",
				Long.class);
		jdbc.update("INSERT INTO batch.import_reject VALUES (?, 7, 'MALFORMED', 'D,T7,\"4111/1111/1111/1111\"')", file);

		// when the correction runs
		long changed;
		try (Connection connection = DriverManager.getConnection(url)) {
			connection.setAutoCommit(false);
			changed = StoredCardNumbers.maskAll(connection);
			connection.commit();
		}

		// then
		assertThat(changed).isEqualTo(4);
		assertThat(jdbc.queryForList("SELECT merchant_name FROM payment.cash_flow ORDER BY line_number", String.class))
			.containsExactly("カード411111******1111", "411111******1111", "店 411111******1111", "ローソン 新宿西口店");
		assertThat(jdbc.queryForObject("SELECT raw_line FROM batch.import_reject", String.class))
			.isEqualTo("D,T7,\"411111******1111\"");
		try (Connection connection = DriverManager.getConnection(url)) {
			connection.setAutoCommit(false);
			assertThat(StoredCardNumbers.maskAll(connection)).as("a second run").isZero();
			connection.rollback();
		}
	}

}
