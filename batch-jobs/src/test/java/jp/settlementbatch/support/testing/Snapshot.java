package jp.settlementbatch.support.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Every row of every contract view and business table, as text, so two databases (or one
 * before and after a rerun) can be compared exactly.
 */
public final class Snapshot {

	private static final List<String> RELATIONS = List.of("report.import_file", "report.import_reject",
			"report.cash_flow", "report.repayment", "card.account", "card.public_holiday", "application.application",
			"application.current_watchlist", "report.account_position", "report.statement",
			"report.repayment_allocation", "report.daily_accrual", "card.ledger_entry", "card.principal_movement");

	/**
	 * The ledger alone: what partitioned, interrupted and reference runs must agree on.
	 */
	public static final List<String> LEDGER = List.of("report.account_position", "report.statement",
			"report.repayment_allocation", "report.daily_accrual", "card.ledger_entry", "card.principal_movement");

	private Snapshot() {
	}

	public static JdbcTemplate jdbc(String url) {
		return new JdbcTemplate(new DriverManagerDataSource(url, "postgres", ""));
	}

	public static Map<String, String> of(String url) {
		return of(url, RELATIONS);
	}

	public static Map<String, String> of(String url, List<String> relations) {
		JdbcTemplate jdbc = jdbc(url);
		Map<String, String> snapshot = new LinkedHashMap<>();
		for (String relation : relations) {
			String columns = relation.equals("report.import_file")
					? "file_name, file_type, business_date, sha256, status, detail_count, accepted_count, rejected_count, duplicate_count, reject_reason"
					: relation.equals("report.import_reject") ? "file_name, line_number, reason, raw_line" : "*";
			String sql = "SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) || ':' || count(*) FROM (SELECT "
					+ columns.replace("*", "x.*") + " FROM " + relation + " x) t";
			if (!columns.equals("*")) {
				sql = "SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) || ':' || count(*) FROM (SELECT "
						+ columns + " FROM " + relation + ") t";
			}
			snapshot.put(relation, jdbc.queryForObject(sql, String.class));
		}
		return snapshot;
	}

}
