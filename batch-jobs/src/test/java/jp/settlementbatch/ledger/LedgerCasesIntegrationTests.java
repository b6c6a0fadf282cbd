package jp.settlementbatch.ledger;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.settlementbatch.support.testing.Cli;
import jp.settlementbatch.support.testing.DayFiles;
import jp.settlementbatch.support.testing.Snapshot;
import jp.settlementbatch.support.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The six patterns an independent model of ledger.md found wrong, each on its own
 * accounts, run through {@code daily} for every date from 1 Nov 2026 to 7 Jan 2027, with
 * the figures worked by hand from ledger.md:
 * <ol>
 * <li>1000000101: a back-valued repayment must not reverse a day that had no principal
 * (it stopped the book for good);</li>
 * <li>1000000201 and 1000000202: a due date after the next close is still overdue;</li>
 * <li>1000000301: paid on time in a file that came after three runs, and 1000000302: a
 * Saturday ATM payment posted after a close; the late charges of the days covered are
 * given back;</li>
 * <li>1000000401: two unpaid statements, each overdue from its own due date;</li>
 * <li>1000000501: the floor of the exact sum (144, not 143);</li>
 * <li>1000000601: no late charge on a purchase refunded before it fell due.</li>
 * </ol>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerCasesIntegrationTests {

	static final Path SAMPLES = Path.of(System.getProperty("settlement.sample-files", "../sample-files"));

	static final Set<LocalDate> HOLIDAYS = Set.of(d("2026-11-03"), d("2026-11-23"), d("2027-01-01"), d("2027-01-11"));

	Path work;

	JdbcTemplate jdbc;

	Cli.Result untilThe3rd;

	Cli.Result fromThe4th;

	static LocalDate d(String date) {
		return LocalDate.parse(date);
	}

	@BeforeAll
	void runNovemberToJanuary(@TempDir Path work) throws Exception {
		this.work = work;
		LocalDate first = d("2026-11-01");
		DayFiles files = new DayFiles();
		// 1: nothing owed; a cash advance on Sunday 22 Nov, a repayment of Saturday 21
		// Nov in Tuesday 24 Nov's file
		files.account(first, "1000000101", "REVOLVING", 500_000, 300_000, "15.00", "18.00", 31, 27)
			.cashFlow(d("2026-11-22"), d("2026-11-22"), "CA101", "1000000101", "CASH_ADVANCE", 30_000, null)
			.repayment(d("2026-11-24"), d("2026-11-21"), "R101", "1000000101", 50_000);
		// 2: closes on the 5th (and on the 10th), pays on the 5th; never pays
		files.account(first, "1000000201", "LUMP_SUM", 500_000, 0, "15.00", "0.00", 5, 5)
			.account(first, "1000000202", "LUMP_SUM", 500_000, 0, "15.00", "0.00", 10, 5)
			.cashFlow(d("2026-11-04"), d("2026-11-04"), "P201", "1000000201", "PURCHASE", 100_000, null)
			.cashFlow(d("2026-11-04"), d("2026-11-04"), "P202", "1000000202", "PURCHASE", 100_000, null);
		// 3: the minimum paid on its due date, 28 Dec, in a file held back until 4 Jan;
		// and a Saturday ATM payment after the due date, sent on Monday after the close
		files.account(first, "1000000301", "REVOLVING", 1_000_000, 0, "15.00", "0.00", 31, 27)
			.cashFlow(d("2026-11-30"), d("2026-11-30"), "P301", "1000000301", "PURCHASE", 500_000, null)
			.repayment(d("2026-12-28"), "R301", "1000000301", 15_000)
			.account(first, "1000000302", "LUMP_SUM", 500_000, 0, "15.00", "0.00", 20, 10)
			.cashFlow(d("2026-11-19"), d("2026-11-19"), "P302", "1000000302", "PURCHASE", 10_000, null)
			.repayment(d("2026-12-21"), d("2026-12-19"), "R302", "1000000302", 10_000);
		// 4: two purchases in two cycles, never paid
		files.account(first, "1000000401", "LUMP_SUM", 500_000, 0, "15.00", "0.00", 10, 5)
			.cashFlow(d("2026-11-04"), d("2026-11-04"), "P401", "1000000401", "PURCHASE", 100_000, null)
			.cashFlow(d("2026-11-20"), d("2026-11-20"), "P402", "1000000401", "PURCHASE", 50_000, null);
		// 5: 10,000 cash for 27 days and 11,000 for 2
		files.account(first, "1000000501", "REVOLVING", 500_000, 300_000, "15.00", "18.00", 31, 27)
			.cashFlow(d("2026-11-01"), d("2026-11-01"), "CA501", "1000000501", "CASH_ADVANCE", 10_000, null)
			.cashFlow(d("2026-11-28"), d("2026-11-28"), "CA502", "1000000501", "CASH_ADVANCE", 1_000, null);
		// 6: a purchase billed on 10 Nov and refunded in full on 20 Nov
		files.account(first, "1000000601", "LUMP_SUM", 500_000, 0, "15.00", "0.00", 10, 5)
			.cashFlow(d("2026-11-04"), d("2026-11-04"), "P601", "1000000601", "PURCHASE", 100_000, null)
			.cashFlow(d("2026-11-20"), d("2026-11-20"), "RF601", "1000000601", "REFUND", 100_000, "P601");
		Path inbox = work.resolve("inbox");
		files.write(inbox, first, d("2027-01-07"), SAMPLES.resolve("2026-11-20/syukujitsu.csv"), HOLIDAYS);
		Path lateFile = inbox.resolve("2026-12-28/repayment_20261228.csv");
		Path heldBack = work.resolve("held-back.csv");
		Files.move(lateFile, heldBack);

		String url = TestDatabase.fresh();
		this.jdbc = Snapshot.jdbc(url);
		String in = "--inbox=" + inbox + "/{date}";
		String out = "--outbox=" + work.resolve("out");
		this.untilThe3rd = new Cli(url).run("daily", "--business-date=2026-11-01", "--through=2027-01-03", in, out);
		Files.move(heldBack, lateFile);
		this.fromThe4th = new Cli(url).run("daily", "--business-date=2027-01-04", "--through=2027-01-07", in, out);
	}

	@Test
	void everyRunCompletesAndTheLedgerBalances() {
		assertThat(this.untilThe3rd.exitCode()).as(this.untilThe3rd.output()).isZero();
		assertThat(this.fromThe4th.exitCode()).as(this.fromThe4th.output()).isZero();
		assertThat(
				this.jdbc.queryForObject("SELECT count(*) FROM report.ledger_check WHERE difference <> 0", Long.class))
			.isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM report.held_account", Long.class)).isZero();
	}

	@Test
	void aBackValuedRepaymentReversesOnlyTheDayThatHadPrincipal() {
		// the advance of the 22nd accrued on the 23rd only; the repayment of the 21st,
		// posted on the 24th, reverses the 23rd (−14.7945...) and not the 22nd
		assertThat(this.jdbc.queryForList("""
				SELECT accrual_date || ' ' || principal || ' ' || catch_up FROM report.daily_accrual
				WHERE account_id = '1000000101' ORDER BY booked_on, accrual_date""", String.class))
			.containsExactly("2026-11-23 30000 false", "2026-11-23 -30000 true");
		assertThat(statement("1000000101", "2026-11-30")).containsEntry("interest", 0L)
			.containsEntry("cash_advances", 30_000L)
			.containsEntry("repayments", 50_000L)
			.containsEntry("closing_balance", -20_000L)
			.containsEntry("minimum_payment", 0L);
		assertThat(allocation("R101")).isEqualTo(List.of(0L, 0L, 0L, 30_000L, 0L, 20_000L));
	}

	@Test
	void aDueDateAfterTheNextCloseIsStillOverdue() throws Exception {
		for (String account : List.of("1000000201", "1000000202")) {
			// both statements are due on Monday 7 Dec
			assertThat(this.jdbc.queryForObject("""
					SELECT due_date FROM report.statement WHERE account_id = ? ORDER BY closing_date LIMIT 1""",
					LocalDate.class, account))
				.as(account)
				.isEqualTo(d("2026-12-07"));
			// 100,000 × 14.60% / 365 = 40 on each of 8 and 9 Dec
			assertThat(lateCharges(account, "2026-12-08", "2026-12-09")).as(account)
				.containsExactly("2026-12-08 100000 40", "2026-12-09 100000 40");
			assertThat(notice("20261209", account)).as(account).containsEntry("days_overdue", 2);
		}
	}

	@Test
	void paidOnTimeInALateFileIsNotCharged() {
		// overdue 29 Dec to 3 Jan as the file was not there: 15,000 × 14.60% / 365 = 6 a
		// day, 18 of it posted at the 31 Dec close; every day reversed on 4 Jan
		assertThat(this.jdbc.queryForList("""
				SELECT accrual_date || ' ' || principal || ' ' || booked_on FROM report.daily_accrual
				WHERE account_id = '1000000301' AND kind = 'LATE_CHARGE' AND catch_up ORDER BY accrual_date""",
				String.class))
			.containsExactly("2026-12-29 -15000 2027-01-04", "2026-12-30 -15000 2027-01-04",
					"2026-12-31 -15000 2027-01-04", "2027-01-01 -15000 2027-01-04", "2027-01-02 -15000 2027-01-04",
					"2027-01-03 -15000 2027-01-04");
		assertThat(statement("1000000301", "2026-12-31")).containsEntry("late_charges", 18L);
		// the open cycle nets −18: the 18 posted is given back at the next close
		Map<String, Object> position = position("1000000301");
		assertThat((BigDecimal) position.get("accrued_late_charge")).isEqualByComparingTo("-18");
		assertThat(position).containsEntry("days_overdue", 0).containsEntry("overdue_principal", 0L);
	}

	@Test
	void aSaturdayPaymentPostedAfterTheCloseGivesBackTheChargeOfTheDayAfter() {
		// 10,000 due 10 Dec: 4 yen a day from the 11th; paid on Saturday the 19th, posted
		// on Monday the 21st, after the close of Sunday the 20th: the 20th is given back
		assertThat(statement("1000000302", "2026-12-20")).containsEntry("late_charges", 40L);
		assertThat(this.jdbc.queryForList("""
				SELECT accrual_date || ' ' || amount || ' ' || booked_on || ' ' || cycle_close FROM report.daily_accrual
				WHERE account_id = '1000000302' AND kind = 'LATE_CHARGE' AND catch_up""", String.class))
			.containsExactly("2026-12-20 -4.000000000000 2026-12-21 2027-01-20");
		assertThat(lateCharges("1000000302", "2026-12-11", "2026-12-19")).hasSize(9)
			.allMatch(row -> row.endsWith(" 10000 4"));
	}

	@Test
	void twoUnpaidStatementsAreChargedOnBoth() {
		assertThat(statement("1000000401", "2026-11-10")).containsEntry("closing_balance", 100_000L)
			.containsEntry("due_date", java.sql.Date.valueOf("2026-12-07"));
		assertThat(statement("1000000401", "2026-12-10")).containsEntry("closing_balance", 150_120L)
			.containsEntry("due_date", java.sql.Date.valueOf("2027-01-05"));
		assertThat(lateCharges("1000000401", "2027-01-05", "2027-01-07")).containsExactly("2027-01-05 100000 40",
				"2027-01-06 150000 60", "2027-01-07 150000 60");
		// overdue since 8 Dec: 31 days on 7 Jan
		assertThat(position("1000000401")).containsEntry("days_overdue", 31)
			.containsEntry("overdue_principal", 150_000L);
	}

	@Test
	void theCloseFloorsTheExactSum() {
		// 10,000 × 18% × 27 / 365 + 11,000 × 18% × 2 / 365 = 1,051,200 / 7,300 = 144
		assertThat(statement("1000000501", "2026-11-30")).containsEntry("interest", 144L);
	}

	@Test
	void noLateChargeOnMoneyNotOwed() {
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM report.daily_accrual WHERE account_id = '1000000601' AND kind = 'LATE_CHARGE'",
				Long.class))
			.isZero();
		assertThat(position("1000000601")).containsEntry("days_overdue", 0).containsEntry("overdue_principal", 0L);
	}

	private Map<String, Object> statement(String account, String closingDate) {
		return this.jdbc.queryForMap("SELECT * FROM report.statement WHERE account_id = ? AND closing_date = ?::date",
				account, closingDate);
	}

	private Map<String, Object> position(String account) {
		return this.jdbc.queryForMap("SELECT * FROM report.account_position WHERE account_id = ?", account);
	}

	/** Day, principal and whole yen of each late-charge day, net of every booking. */
	private List<String> lateCharges(String account, String from, String to) {
		return this.jdbc.queryForList("""
				SELECT accrual_date || ' ' || sum(principal) || ' ' || trunc(sum(amount), 0) FROM report.daily_accrual
				WHERE account_id = ? AND kind = 'LATE_CHARGE' AND accrual_date BETWEEN ?::date AND ?::date
				GROUP BY accrual_date ORDER BY accrual_date""", String.class, account, from, to);
	}

	/**
	 * late charges, fees, interest, cash principal, shopping principal, credit balance.
	 */
	private List<Long> allocation(String repaymentId) {
		return this.jdbc.queryForObject("SELECT * FROM report.repayment_allocation WHERE repayment_id = ?",
				(rs, n) -> List.of(rs.getLong("late_charges"), rs.getLong("fees"), rs.getLong("interest"),
						rs.getLong("cash_principal"), rs.getLong("shopping_principal"), rs.getLong("credit_balance")),
				repaymentId);
	}

	private Map<String, Object> notice(String day, String account) throws Exception {
		for (String line : Files.readAllLines(this.work.resolve("out/notifications/interest_" + day + ".jsonl"))) {
			@SuppressWarnings("unchecked")
			Map<String, Object> notice = new ObjectMapper().readValue(line, Map.class);
			if (account.equals(notice.get("account_id"))) {
				return notice;
			}
		}
		throw new AssertionError("no notice for " + account + " on " + day);
	}

}
