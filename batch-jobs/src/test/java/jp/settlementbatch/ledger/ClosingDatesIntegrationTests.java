package jp.settlementbatch.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jp.settlementbatch.support.testing.Cli;
import jp.settlementbatch.support.testing.Snapshot;
import jp.settlementbatch.support.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQL twin of {@link StatementCycle#closingOnOrBefore}, which selects the accounts
 * whose cycle closes, against the Java rule, and inlined by the planner.
 */
class ClosingDatesIntegrationTests {

	@Test
	void closingOnOrBeforeInSqlIsTheJavaRuleForEveryDateAndClosingDay() {
		// given a migrated database
		String url = TestDatabase.fresh();
		assertThat(new Cli(url).run("executions").exitCode()).isZero();
		JdbcTemplate jdbc = Snapshot.jdbc(url);

		// when every date of 2024-2028 (two leap Februaries) is asked for every closing
		// day
		List<String> differ = new ArrayList<>();
		long[] cases = { 0 };
		jdbc.query("""
				SELECT d::DATE AS day, c AS closing_day, card.closing_on_or_before(d::DATE, c::SMALLINT) AS closing
				FROM generate_series(DATE '2024-01-01', DATE '2028-12-31', INTERVAL '1 day') d,
				     unnest(ARRAY[1, 2, 14, 15, 27, 28, 31]) c
				""", rs -> {
			LocalDate day = rs.getObject("day", LocalDate.class);
			int closingDay = rs.getInt("closing_day");
			LocalDate expected = StatementCycle.closingOnOrBefore(day, closingDay);
			if (!expected.equals(rs.getObject("closing", LocalDate.class))) {
				differ.add(day + " day " + closingDay);
			}
			cases[0]++;
		});

		// then SQL and Java agree on every one
		assertThat(cases[0]).isEqualTo(1827L * 7);
		assertThat(differ).isEmpty();

		// and the planner inlines the function (no call per row in the plan)
		String plan = String.join("\n", jdbc.queryForList("""
				EXPLAIN VERBOSE SELECT card.closing_on_or_before(d, 25::SMALLINT)
				FROM (VALUES (DATE '2026-11-20'), (DATE '2026-12-01')) v(d)
				""", String.class));
		assertThat(plan).contains("CASE WHEN").doesNotContain("closing_on_or_before").doesNotContain("closing_date");
	}

}
