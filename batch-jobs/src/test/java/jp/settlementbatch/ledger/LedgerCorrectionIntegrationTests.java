package jp.settlementbatch.ledger;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;

import jp.settlementbatch.support.testing.Cli;
import jp.settlementbatch.support.testing.DayFiles;
import jp.settlementbatch.support.testing.Snapshot;
import jp.settlementbatch.support.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Data posted by an earlier version is corrected forward (docs/design.md): an account
 * marked for a recheck has the days since then recomputed by its next accrual, and the
 * differences booked as catch-up rows in the open cycle; nothing posted is rewritten, and
 * a second run books nothing.
 */
class LedgerCorrectionIntegrationTests {

	static final Path SAMPLES = Path.of(System.getProperty("settlement.sample-files", "../sample-files"));

	@TempDir
	Path work;

	@Test
	void aDayAnEarlierVersionReversedBelowZeroIsLiftedAndAWrongLateChargeGivenBack() {
		// given a cash advance of Sunday 22 Nov, accrued on the 23rd, and what the
		// earlier version booked on the 24th for a repayment of the 21st: both days
		// reversed, the 22nd below zero; and a late charge booked on a day nothing was
		// due
		LocalDate first = LocalDate.parse("2026-11-20");
		DayFiles files = new DayFiles()
			.account(first, "1000000101", "REVOLVING", 500_000, 300_000, "15.00", "18.00", 31, 27)
			.cashFlow(LocalDate.parse("2026-11-22"), LocalDate.parse("2026-11-22"), "CA101", "1000000101",
					"CASH_ADVANCE", 30_000, null);
		Path inbox = this.work.resolve("inbox");
		try {
			files.write(inbox, first, LocalDate.parse("2026-11-26"), SAMPLES.resolve("2026-11-20/syukujitsu.csv"),
					Set.of(LocalDate.parse("2026-11-23")));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		String url = TestDatabase.fresh();
		JdbcTemplate jdbc = Snapshot.jdbc(url);
		Cli cli = new Cli(url);
		String in = "--inbox=" + inbox + "/{date}";
		String out = "--outbox=" + this.work.resolve("out");
		assertThat(cli.run("daily", "--business-date=2026-11-20", "--through=2026-11-24", in, out).exitCode()).isZero();
		jdbc.update(
				"""
						INSERT INTO card.daily_accrual (account_id, accrual_date, kind, apr, booked_on, principal, basis, amount,
						    cycle_close, catch_up)
						VALUES ('1000000101', '2026-11-22', 'INTEREST', 18.00, '2026-11-24', -30000, 365, -14.794520547945,
						        '2026-11-30', true),
						       ('1000000101', '2026-11-24', 'LATE_CHARGE', 14.60, '2026-11-24', 30000, 365, 12, '2026-11-30', false)
						""");
		jdbc.update("""
				UPDATE card.balance SET interest_numerator_365 = interest_numerator_365 - 540000,
				    late_charge_numerator_365 = 438000, recheck_from = '2026-11-22' WHERE account_id = '1000000101'""");

		// when the next day runs
		assertThat(cli.run("daily", "--business-date=2026-11-25", in, out).exitCode()).isZero();

		// then the 22nd is lifted back to zero and the late charge given back, booked on
		// the 25th; the open cycle holds the advance's interest of 23, 24 and 25 Nov only
		assertThat(jdbc.queryForList(
				"""
						SELECT accrual_date || ' ' || kind || ' ' || principal FROM report.daily_accrual
						WHERE account_id = '1000000101' AND booked_on = '2026-11-25' AND catch_up ORDER BY accrual_date, kind""",
				String.class))
			.containsExactly("2026-11-22 INTEREST 30000", "2026-11-24 LATE_CHARGE -30000");
		assertThat(jdbc.queryForList("""
				SELECT accrual_date || ' ' || kind || ' ' || sum(principal) FROM report.daily_accrual
				WHERE account_id = '1000000101' GROUP BY accrual_date, kind HAVING sum(principal) <> 0
				ORDER BY accrual_date, kind""", String.class)).containsExactly("2026-11-23 INTEREST 30000",
				"2026-11-24 INTEREST 30000", "2026-11-25 INTEREST 30000");
		assertThat(jdbc.queryForObject("SELECT recheck_from FROM card.balance WHERE account_id = '1000000101'",
				LocalDate.class))
			.isNull();

		// and the next run books nothing more for those days
		assertThat(cli.run("daily", "--business-date=2026-11-26", in, out).exitCode()).isZero();
		assertThat(jdbc.queryForObject(
				"SELECT count(*) FROM report.daily_accrual WHERE booked_on = '2026-11-26' AND catch_up", Long.class))
			.isZero();
	}

}
