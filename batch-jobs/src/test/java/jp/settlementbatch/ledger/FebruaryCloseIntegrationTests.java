package jp.settlementbatch.ledger;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.settlementbatch.support.testing.Cli;
import jp.settlementbatch.support.testing.DayFiles;
import jp.settlementbatch.support.testing.Snapshot;
import jp.settlementbatch.support.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Closing day 31 in February (2027, not a leap year): the cycle closes on Sunday 28 Feb
 * and is closed by the run of Monday 1 Mar, whose repayment counts toward the new
 * statement. Then a balance tampered with fails the ledger checks.
 */
class FebruaryCloseIntegrationTests {

	static final Path SAMPLES = Path.of(System.getProperty("settlement.sample-files", "../sample-files"));

	@TempDir
	Path work;

	@Test
	void monthEndInFebruaryClosedOnItsDateASunday() throws Exception {
		// given
		LocalDate first = LocalDate.parse("2027-02-01");
		LocalDate march1 = LocalDate.parse("2027-03-01");
		DayFiles files = new DayFiles()
			.account(first, "1000000011", "REVOLVING", 500_000, 1_000_000, "15.00", "15.00", 31, 27)
			.cashFlow(first, first, "CA11", "1000000011", "CASH_ADVANCE", 100_000, null)
			.repayment(march1, "R11", "1000000011", 5_000);
		Path inbox = this.work.resolve("inbox");
		files.write(inbox, first, march1, SAMPLES.resolve("2026-11-20/syukujitsu.csv"),
				Set.of(LocalDate.parse("2027-02-11"), LocalDate.parse("2027-02-23")));
		String url = TestDatabase.fresh();
		JdbcTemplate jdbc = Snapshot.jdbc(url);

		// when
		Cli.Result run = new Cli(url).run("daily", "--business-date=2027-02-01", "--through=2027-03-01",
				"--inbox=" + inbox + "/{date}", "--outbox=" + this.work.resolve("out"));

		// then: 100,000 × 15% × 27 days (2–28 Feb) / 365 = 1,109.59 → 1,109; due 27 Mar
		// is a Saturday → 29 Mar
		assertThat(run.exitCode()).as(run.output()).isZero();
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
			.containsEntry("amount_due", 6_000L)
			.containsEntry("repaid_since_close", 5_000L)
			.containsEntry("days_overdue", 0);
		// 1 Mar accrues on the principal at its start (100,000): 41.0958904109...
		assertThat((BigDecimal) position.get("accrued_interest")).isBetween(new BigDecimal("41.095890410"),
				new BigDecimal("41.095890411"));

		// and when a balance no longer matches its journal: a chunk that wrote the
		// account
		// is rolled back, accrual (which writes nothing the check reads) goes on, and the
		// day's full check at the end of close-statements fails the job
		jdbc.update("UPDATE card.balance SET cash_principal = cash_principal + 1 WHERE account_id = '1000000011'");
		assertThat(jdbc.queryForObject("SELECT difference FROM report.ledger_check WHERE account_id = '1000000011'",
				Long.class))
			.isEqualTo(1L);
		LedgerAccount tampered = new LedgerAccount(
				new LedgerAccount.Terms("1000000011", true, BigDecimal.TEN, BigDecimal.TEN, 31, 27), march1);
		assertThatIllegalStateException()
			.isThrownBy(() -> LedgerCheck.touched(jdbc).write(new Chunk<>(List.of(tampered))))
			.withMessageStartingWith("ledger check of a chunk: 1 accounts checked, 1 out of balance");
		String out = "--outbox=" + this.work.resolve("out");
		assertThat(new Cli(url).run("run", "accrue-interest", "--business-date=2027-03-02", out).exitCode()).isZero();
		Cli.Result broken = new Cli(url).run("run", "close-statements", "--business-date=2027-03-02", out);
		assertThat(broken.exitCode()).isEqualTo(1);
		assertThat(broken.output()).contains("1 accounts checked, 1 out of balance");
	}

}
