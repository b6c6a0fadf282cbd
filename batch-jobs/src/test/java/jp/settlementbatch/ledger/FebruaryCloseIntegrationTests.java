package jp.settlementbatch.ledger;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
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
 * Closing day 31 in February (2027, not a leap year): the cycle closes on Sunday 28 Feb
 * and is closed by the run of Monday 1 Mar, whose repayment counts toward the new
 * statement. Then balances tampered with: the account is held for an operator and the
 * book goes on; past the threshold the fault is systemic and the job fails.
 */
class FebruaryCloseIntegrationTests {

	static final Path SAMPLES = Path.of(System.getProperty("settlement.sample-files", "../sample-files"));

	static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.parse("2027-02-11"), LocalDate.parse("2027-02-23"));

	@TempDir
	Path work;

	@Test
	void monthEndInFebruaryClosedOnItsDateASundayAndAnAccountOutOfBalanceIsHeld() throws Exception {
		// given
		LocalDate first = LocalDate.parse("2027-02-01");
		LocalDate march2 = LocalDate.parse("2027-03-02");
		DayFiles files = new DayFiles()
			.account(first, "1000000011", "REVOLVING", 500_000, 1_000_000, "15.00", "15.00", 31, 27)
			.account(first, "1000000012", "REVOLVING", 500_000, 1_000_000, "15.00", "15.00", 31, 27)
			.cashFlow(first, first, "CA11", "1000000011", "CASH_ADVANCE", 100_000, null)
			.cashFlow(first, first, "CA12", "1000000012", "CASH_ADVANCE", 100_000, null)
			.repayment(LocalDate.parse("2027-03-01"), "R11", "1000000011", 5_000);
		Path inbox = this.work.resolve("inbox");
		files.write(inbox, first, march2, SAMPLES.resolve("2026-11-20/syukujitsu.csv"), HOLIDAYS);
		String url = TestDatabase.fresh();
		JdbcTemplate jdbc = Snapshot.jdbc(url);
		String out = "--outbox=" + this.work.resolve("out");
		Cli cli = new Cli(url);
		Cli.Result untilThe27th = cli.run("daily", "--business-date=2027-02-01", "--through=2027-02-27",
				"--inbox=" + inbox + "/{date}", out);
		assertThat(untilThe27th.exitCode()).as(untilThe27th.output()).isZero();

		// when a balance no longer matches its journal before its cycle closes
		jdbc.update("UPDATE card.balance SET cash_principal = cash_principal + 1 WHERE account_id = '1000000012'");
		Cli.Result closing = cli.run("daily", "--business-date=2027-02-28", "--through=2027-03-01",
				"--inbox=" + inbox + "/{date}", out);

		// then the day completes: 1000000011 closes, 1000000012 is held with nothing of
		// it written, and the manifest says so
		assertThat(closing.exitCode()).as(closing.output()).isZero();
		// 100,000 × 15% × 27 days (2–28 Feb) / 365 = 1,109.59 → 1,109; due 27 Mar is a
		// Saturday → 29 Mar
		Map<String, Object> statement = jdbc
			.queryForMap("SELECT * FROM report.statement WHERE account_id = '1000000011'");
		assertThat(statement).containsEntry("closing_date", java.sql.Date.valueOf("2027-02-28"))
			.containsEntry("cycle_start", java.sql.Date.valueOf("2027-02-01"))
			.containsEntry("due_date", java.sql.Date.valueOf("2027-03-29"))
			.containsEntry("cash_advances", 100_000L)
			.containsEntry("interest", 1_109L)
			.containsEntry("repayments", 0L)
			.containsEntry("closing_balance", 101_109L)
			.containsEntry("minimum_payment", 6_000L);
		// 28 Feb 2027 is a Sunday, closed by its own run: the repayment of 1 Mar comes
		// after the close, goes to the billed interest first, then to cash principal, and
		// counts toward the new amount due
		assertThat(jdbc.queryForObject(
				"SELECT interest || ' ' || cash_principal FROM report.repayment_allocation WHERE repayment_id = 'R11'",
				String.class))
			.isEqualTo("1109 3891");
		Map<String, Object> position = jdbc
			.queryForMap("SELECT * FROM report.account_position WHERE account_id = '1000000011'");
		assertThat(position).containsEntry("cash_principal", 96_109L)
			.containsEntry("billed_interest", 0L)
			.containsEntry("amount_due", 1_000L)
			.containsEntry("due_date", java.sql.Date.valueOf("2027-03-29"))
			.containsEntry("days_overdue", 0);
		// 1 Mar accrues on the principal at its start (100,000): 41.0958904109...
		assertThat((BigDecimal) position.get("accrued_interest")).isBetween(new BigDecimal("41.095890410"),
				new BigDecimal("41.095890411"));
		assertThat(jdbc.queryForList("SELECT account_id || ' ' || job || ' ' || held_since FROM report.held_account",
				String.class))
			.containsExactly("1000000012 close-statements 2027-02-28");
		assertThat(
				jdbc.queryForObject("SELECT count(*) FROM card.statement WHERE account_id = '1000000012'", Long.class))
			.isZero();
		assertThat(jdbc.queryForObject("SELECT reason FROM report.held_account", String.class))
			.startsWith("out of balance with its journal by 1 yen");
		Cli.Result manifest = cli.run("files", "--business-date=2027-03-01", "--inbox=" + inbox + "/{date}", out);
		assertThat(manifest.exitCode()).isEqualTo(3);
		assertThat(manifest.output()).contains("account 1000000012 is held by close-statements since 2027-02-28");

		// and once an operator mends the balance, the next run closes it and lets it go
		jdbc.update("UPDATE card.balance SET cash_principal = cash_principal - 1 WHERE account_id = '1000000012'");
		Cli.Result mended = cli.run("daily", "--business-date=2027-03-02", "--inbox=" + inbox + "/{date}", out);
		assertThat(mended.exitCode()).as(mended.output()).isZero();
		assertThat(jdbc.queryForObject(
				"SELECT interest || ' ' || closing_balance FROM report.statement WHERE account_id = '1000000012'",
				String.class))
			.isEqualTo("1109 101109");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM report.held_account", Long.class)).isZero();
		assertThat(jdbc.queryForObject("SELECT released_on FROM card.held_account", LocalDate.class)).isEqualTo(march2);
	}

	@Test
	void moreAccountsOutOfBalanceThanTheThresholdFailTheJobAndHoldNone() throws Exception {
		// given 101 accounts with a ledger, every one of them tampered with
		LocalDate first = LocalDate.parse("2027-02-01");
		DayFiles files = new DayFiles();
		for (int i = 0; i < 101; i++) {
			String account = String.valueOf(1_000_000_100L + i);
			files.account(first, account, "LUMP_SUM", 500_000, 0, "15.00", "15.00", 20, 10)
				.cashFlow(first, first, "P" + account, account, "PURCHASE", 1_000 + i, null);
		}
		Path inbox = this.work.resolve("inbox");
		files.write(inbox, first, first, SAMPLES.resolve("2026-11-20/syukujitsu.csv"), HOLIDAYS);
		String url = TestDatabase.fresh();
		JdbcTemplate jdbc = Snapshot.jdbc(url);
		String out = "--outbox=" + this.work.resolve("out");
		Cli cli = new Cli(url);
		for (String job : new String[] { "import-calendar", "import-accounts", "import-cash-flows", "update-statements",
				"update-repayments", "accrue-interest" }) {
			Cli.Result run = cli.run("run", job, "--business-date=2027-02-01", "--inbox=" + inbox + "/2027-02-01", out);
			assertThat(run.exitCode()).as(job + ": " + run.output()).isIn(0, 4);
		}
		jdbc.update("UPDATE card.balance SET shopping_principal = shopping_principal + 1");

		// when
		Cli.Result close = cli.run("run", "close-statements", "--business-date=2027-02-01", out);

		// then the fault is systemic: more than 100 (0.1% of 101 accounts is less)
		assertThat(close.exitCode()).isEqualTo(1);
		assertThat(close.output()).contains("101 accounts checked, 101 out of balance")
			.contains("the fault is systemic");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM card.held_account", Long.class)).isZero();
	}

}
