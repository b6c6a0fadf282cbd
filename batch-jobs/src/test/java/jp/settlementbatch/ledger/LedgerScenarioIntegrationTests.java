package jp.settlementbatch.ledger;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * Two months of daily runs built from files (October and November 2026), driven through
 * the real jobs by {@code daily} for every calendar date, against figures computed by
 * hand from ledger.md. Cycles close on their closing date, weekends included.
 *
 * <ul>
 * <li>1000000001, REVOLVING, cash 15.00%, closes on the 31st, pays on the 27th: the
 * worked example of ledger.md (100,000 cash advance on 1 Oct → 1,232), a repayment that
 * covers the minimum, and closing day 31 in a 30-day month.</li>
 * <li>1000000002, LUMP_SUM, closes on the 20th, pays on the 3rd: purchase, refund and
 * fee; a due date on a holiday (3 Nov, 文化の日 → 4 Nov); a repayment that does not cover the
 * amount due, late charges, then the rest paid.</li>
 * <li>1000000003, REVOLVING, 18.00%: shopping interest, a refund in a late file with a
 * back-dated value date (interest reversed for the days in between), a cycle closing on a
 * Sunday.</li>
 * <li>1000000004, REVOLVING, cash 18.00%: an overpayment held as credit balance, a
 * purchase absorbed by it, a late-file cash advance (caught up), an unpaid minimum that
 * stays overdue across the next close.</li>
 * <li>1000000005, as 1000000001, but its repayment, paid a day before the due date, comes
 * in a late file: the ATM system sends the file of 26 Nov only after the run of 29 Nov,
 * and the run of 30 Nov takes it in. Interest and the late charges of the days it was
 * thought overdue are caught up: the member pays what an on-time file would have
 * charged.</li>
 * <li>1000000006, LUMP_SUM: a purchase on a Saturday, posted by Saturday's run, and a
 * repayment on a public holiday, when the ATM system is not expected to send, taken in
 * all the same.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerScenarioIntegrationTests {

	static final Path SAMPLES = Path.of(System.getProperty("settlement.sample-files", "../sample-files"));

	static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.parse("2026-10-12"), LocalDate.parse("2026-11-03"),
			LocalDate.parse("2026-11-23"));

	Path work;

	String url;

	JdbcTemplate jdbc;

	Cli.Result run;

	static LocalDate d(String date) {
		return LocalDate.parse(date);
	}

	@BeforeAll
	void runOctoberAndNovember(@TempDir Path work) throws Exception {
		this.work = work;
		DayFiles files = new DayFiles();
		LocalDate first = d("2026-10-01");
		files.account(first, "1000000001", "REVOLVING", 500_000, 1_000_000, "15.00", "15.00", 31, 27)
			.account(first, "1000000002", "LUMP_SUM", 300_000, 0, "15.00", "15.00", 20, 3)
			.account(first, "1000000003", "REVOLVING", 500_000, 500_000, "18.00", "18.00", 15, 10)
			.account(first, "1000000004", "REVOLVING", 500_000, 500_000, "15.00", "18.00", 31, 27)
			.account(first, "1000000005", "REVOLVING", 500_000, 1_000_000, "15.00", "15.00", 31, 27)
			.account(first, "1000000006", "LUMP_SUM", 300_000, 0, "15.00", "15.00", 20, 3);
		// 1000000001
		files.cashFlow(first, first, "CA1", "1000000001", "CASH_ADVANCE", 100_000, null)
			.repayment(d("2026-11-27"), "R1", "1000000001", 6_000);
		// 1000000002
		files.cashFlow(d("2026-10-05"), d("2026-10-05"), "P2", "1000000002", "PURCHASE", 50_000, null)
			.cashFlow(d("2026-10-08"), d("2026-10-08"), "RF2", "1000000002", "REFUND", 10_000, "P2")
			.cashFlow(d("2026-10-09"), d("2026-10-09"), "FEE2", "1000000002", "FEE", 500, null)
			.repayment(d("2026-11-04"), "R2A", "1000000002", 20_000)
			.repayment(d("2026-11-12"), "R2B", "1000000002", 20_500);
		// 1000000003
		files.cashFlow(first, first, "P3", "1000000003", "PURCHASE", 200_000, null)
			.cashFlow(d("2026-10-23"), d("2026-10-20"), "RF3", "1000000003", "REFUND", 50_000, "P3")
			.repayment(d("2026-11-10"), "R3", "1000000003", 9_000);
		// 1000000004
		files.repayment(d("2026-10-02"), "R4", "1000000004", 10_000)
			.cashFlow(d("2026-10-05"), d("2026-10-05"), "P4", "1000000004", "PURCHASE", 3_000, null)
			.cashFlow(d("2026-10-29"), d("2026-10-27"), "CA4", "1000000004", "CASH_ADVANCE", 50_000, null);
		// 1000000005: the same as 1000000001, paid on 26 Nov, in a late file
		files.cashFlow(first, first, "CA5", "1000000005", "CASH_ADVANCE", 100_000, null)
			.repayment(d("2026-11-26"), "R5", "1000000005", 6_000);
		// 1000000006: Saturday 14 Nov and the holiday of 23 Nov
		files.cashFlow(d("2026-11-14"), d("2026-11-14"), "P6", "1000000006", "PURCHASE", 30_000, null)
			.repayment(d("2026-11-23"), "R6", "1000000006", 5_000);
		Path inbox = this.work.resolve("inbox");
		files.write(inbox, first, d("2026-11-30"), SAMPLES.resolve("2026-11-20/syukujitsu.csv"), HOLIDAYS);

		this.url = TestDatabase.fresh();
		this.jdbc = Snapshot.jdbc(this.url);
		this.run = runTwoMonths(this.url, "out");
	}

	/**
	 * Runs 1 Oct to 29 Nov with the repayment file of 26 Nov held back by its sender,
	 * then 30 Nov with it in the inbox; the output of both runs.
	 */
	Cli.Result runTwoMonths(String url, String outbox, String... options) throws Exception {
		Path lateFile = this.work.resolve("inbox/2026-11-26/repayment_20261126.csv");
		Path heldBack = this.work.resolve("held-back.csv");
		Files.move(lateFile, heldBack);
		List<String> arguments = new ArrayList<>(List.of("daily", "--business-date=2026-10-01", "--through=2026-11-29",
				"--inbox=" + this.work.resolve("inbox") + "/{date}", "--outbox=" + this.work.resolve(outbox)));
		arguments.addAll(List.of(options));
		Cli.Result untilThe29th = new Cli(url).run(arguments.toArray(String[]::new));
		Files.move(heldBack, lateFile);
		if (untilThe29th.exitCode() != 0) {
			return untilThe29th;
		}
		arguments.set(1, "--business-date=2026-11-30");
		arguments.set(2, "--through=2026-11-30");
		Cli.Result the30th = new Cli(url).run(arguments.toArray(String[]::new));
		return new Cli.Result(the30th.exitCode(), untilThe29th.output() + the30th.output());
	}

	@Test
	void everyDayCompletesAndTheLedgerBalancesAfterEveryJob() {
		assertThat(this.run.exitCode()).as(this.run.output()).isZero();
		// 61 dates: the chunks of the three jobs that post check their accounts, and
		// close-statements ends with the full check
		List<String> chunkChecks = this.jdbc.queryForList("""
				SELECT exit_message FROM batch.batch_step_execution
				WHERE step_name IN ('post-cash-flows', 'apply-repayments', 'close-cycles')
				""", String.class);
		assertThat(chunkChecks).hasSize(61 * 3)
			.allMatch(m -> m.contains("each checked against its journal: 0 out of balance"));
		List<String> fullChecks = this.jdbc.queryForList("""
				SELECT exit_message FROM batch.batch_step_execution WHERE step_name = 'ledger-check-close-cycles'
				""", String.class);
		assertThat(fullChecks).hasSize(61).allMatch(m -> m.contains(" accounts checked, 0 out of balance"));
		// every file of the two months was posted, the late one by the run of 30 Nov, and
		// every repayment allocated
		assertThat(this.jdbc.queryForList("""
				SELECT file_name || ' ' || posted_on FROM batch.import_file
				WHERE file_type IN ('CASH_FLOWS', 'REPAYMENTS') AND (posted_on IS NULL OR posted_on <> business_date)
				""", String.class)).containsExactly("repayment_20261126.csv 2026-11-30");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM batch.import_file WHERE file_type = 'CASH_FLOWS'",
				Long.class))
			.isEqualTo(61L);
		assertThat(this.jdbc.queryForList("""
				SELECT r.repayment_id FROM report.repayment r
				LEFT JOIN report.repayment_allocation a ON a.repayment_id = r.repayment_id WHERE a.repayment_id IS NULL
				""", String.class)).isEmpty();
		assertThat(
				this.jdbc.queryForObject("SELECT count(*) FROM report.ledger_check WHERE difference <> 0", Long.class))
			.isZero();
		// summed over all accounts: the imported files plus posted interest and late
		// charges
		Long owed = this.jdbc.queryForObject("""
				SELECT sum(shopping_principal + cash_principal + billed_interest + billed_fees + billed_late_charges
				           - credit_balance) FROM report.account_position""", Long.class);
		Long files = this.jdbc.queryForObject("""
				SELECT (SELECT sum(CASE WHEN type = 'REFUND' THEN -amount ELSE amount END) FROM report.cash_flow)
				     - (SELECT sum(amount) FROM report.repayment)
				     + (SELECT sum(interest + late_charges) FROM report.statement)""", Long.class);
		assertThat(owed).isEqualTo(files);
	}

	@Test
	void theWorkedExampleAndAThirtyDayMonthEndClose() {
		// 100,000 × 15% × 30 days (2–31 Oct) / 365 = 1,232.87 → 1,232; closed by the
		// run of Monday 2 Nov; slide for 101,232 is 6,000; 27 Nov is a Friday
		assertThat(statement("1000000001", "2026-10-31"))
			.isEqualTo(List.of("2026-10-01", "2026-11-27", 0L, 0L, 0L, 100_000L, 0L, 1_232L, 0L, 0L, 101_232L, 6_000L));
		// 6,000 on 27 Nov: interest first, then cash principal
		assertThat(allocation("R1")).isEqualTo(List.of(0L, 0L, 1_232L, 4_768L, 0L, 0L));
		// November: 100,000 for 1–27 Nov (the repayment day still accrues), 95,232 for
		// 28–30 Nov: 1,109.59 + 117.41 = 1,226.998 → 1,226; closes on the 30th (a
		// 30-day month); slide for 96,458 is 3,000; 27 Dec is a Sunday → 28 Dec
		assertThat(statement("1000000001", "2026-11-30")).isEqualTo(
				List.of("2026-11-01", "2026-12-28", 101_232L, 0L, 0L, 0L, 0L, 1_226L, 0L, 6_000L, 96_458L, 3_000L));
		assertThat(position("1000000001"))
			.isEqualTo(List.of("2026-11-30", 0L, 95_232L, 1_226L, 0L, 0L, 0L, 0L, 0L, 0L));
	}

	@Test
	void lumpSumDueOnAHolidayPaidLateWithLateCharges() {
		// purchases 50,000, refund 10,000, fee 500, no interest on LUMP_SUM shopping; the
		// whole balance is due; 3 Nov is a holiday → 4 Nov
		assertThat(statement("1000000002", "2026-10-20")).isEqualTo(
				List.of("2026-09-21", "2026-11-04", 0L, 50_000L, 10_000L, 0L, 500L, 0L, 0L, 0L, 40_500L, 40_500L));
		// 20,000 on the due date: fee first, then shopping principal
		assertThat(allocation("R2A")).isEqualTo(List.of(0L, 500L, 0L, 0L, 19_500L, 0L));
		// overdue principal: 40,500 due − 500 fee − 19,500 principal repaid = 20,500;
		// late charge 20,500 × 14.60% / 365 = 8.2 a day for 5–12 Nov (the day of the
		// repayment still accrues) = 65.6 → 65, posted at the 20 Nov close
		assertThat(this.jdbc.queryForList("""
				SELECT amount FROM report.daily_accrual
				WHERE account_id = '1000000002' AND kind = 'LATE_CHARGE' ORDER BY accrual_date""", BigDecimal.class))
			.hasSize(8)
			.allMatch(a -> a.compareTo(new BigDecimal("8.2")) == 0);
		assertThat(this.jdbc.queryForObject("""
				SELECT min(accrual_date) || '..' || max(accrual_date) FROM report.daily_accrual
				WHERE account_id = '1000000002' AND kind = 'LATE_CHARGE'""", String.class))
			.isEqualTo("2026-11-05..2026-11-12");
		assertThat(allocation("R2B")).isEqualTo(List.of(0L, 0L, 0L, 0L, 20_500L, 0L));
		assertThat(statement("1000000002", "2026-11-20"))
			.isEqualTo(List.of("2026-10-21", "2026-12-03", 40_500L, 0L, 0L, 0L, 0L, 0L, 65L, 40_500L, 65L, 65L));
		assertThat(position("1000000002")).isEqualTo(List.of("2026-11-30", 0L, 0L, 0L, 0L, 65L, 0L, 0L, 0L, 0L));
	}

	@Test
	void aBackDatedRefundReversesTheDaysInBetween() {
		// 200,000 × 18% × 14 days (2–15 Oct) / 365 = 1,380.82 → 1,380; slide 9,000
		assertThat(statement("1000000003", "2026-10-15"))
			.isEqualTo(List.of("2026-09-16", "2026-11-10", 0L, 200_000L, 0L, 0L, 0L, 1_380L, 0L, 0L, 201_380L, 9_000L));
		// the refund of 20 Oct arrived in the file of 23 Oct: 21 and 22 Oct had accrued
		// on 200,000 and are reversed on 50,000, booked on the 23rd in the open cycle
		assertThat(this.jdbc.queryForList(
				"""
						SELECT accrual_date || ' ' || principal || ' ' || booked_on || ' ' || cycle_close FROM report.daily_accrual
						WHERE account_id = '1000000003' AND catch_up ORDER BY accrual_date""",
				String.class))
			.containsExactly("2026-10-21 -50000 2026-10-23 2026-11-15", "2026-10-22 -50000 2026-10-23 2026-11-15");
		assertThat(allocation("R3")).isEqualTo(List.of(0L, 0L, 1_380L, 0L, 7_620L, 0L));
		// 16 Oct–15 Nov: 200,000 for 16–20 Oct, 150,000 for 21 Oct–10 Nov, 142,380 for
		// 11–15 Nov: 493.15 + 1,553.42 + 351.08 = 2,397.65 → 2,397; the cycle closed on
		// a Sunday, by Sunday's run
		assertThat(statement("1000000003", "2026-11-15")).isEqualTo(List.of("2026-10-16", "2026-12-10", 201_380L, 0L,
				50_000L, 0L, 0L, 2_397L, 0L, 9_000L, 144_777L, 6_000L));
		// 16–30 Nov accrued, not yet posted: 142,380 × 18% × 15 / 365 = 1,053.22...
		BigDecimal accrued = this.jdbc.queryForObject(
				"SELECT accrued_interest FROM report.account_position WHERE account_id = '1000000003'",
				BigDecimal.class);
		assertThat(accrued).isBetween(new BigDecimal("1053.2219178082"), new BigDecimal("1053.2219178083"));
	}

	@Test
	void creditBalanceLateCashAdvanceAndAnUnpaidMinimumCarriedOver() {
		// 10,000 paid on a zero balance is all credit balance
		assertThat(allocation("R4")).isEqualTo(List.of(0L, 0L, 0L, 0L, 0L, 10_000L));
		// the 3,000 purchase is absorbed by it (7,000 left), the 50,000 cash advance of
		// 27 Oct (in the file of the 29th) takes the 7,000: 43,000 principal from 28 Oct,
		// 28 Oct caught up on the 29th
		assertThat(this.jdbc.queryForList("""
				SELECT accrual_date || ' ' || principal || ' ' || booked_on FROM report.daily_accrual
				WHERE account_id = '1000000004' AND catch_up""", String.class))
			.containsExactly("2026-10-28 43000 2026-10-29");
		// 43,000 × 18% × 4 days (28–31 Oct) / 365 = 84.82 → 84; slide 3,000
		assertThat(statement("1000000004", "2026-10-31")).isEqualTo(
				List.of("2026-10-01", "2026-11-27", 0L, 3_000L, 0L, 50_000L, 0L, 84L, 0L, 10_000L, 43_084L, 3_000L));
		// nothing paid by 27 Nov: overdue from the 28th on 3,000 − 84 interest = 2,916;
		// late charge 2,916 × 14.60% × 3 days / 365 = 3.4992 → 3; November interest
		// 43,000 × 18% × 30 / 365 = 636.16 → 636; 3,000 slide, plus the unpaid 3,000
		// carried as past due = 6,000 due
		assertThat(statement("1000000004", "2026-11-30"))
			.isEqualTo(List.of("2026-11-01", "2026-12-28", 43_084L, 0L, 0L, 0L, 0L, 636L, 3L, 0L, 43_723L, 3_000L));
		assertThat(this.jdbc.queryForObject(
				"SELECT amount_due FROM report.statement WHERE account_id = '1000000004' AND closing_date = '2026-11-30'",
				Long.class))
			.isEqualTo(6_000L);
		// still overdue after the close: 28, 29 and 30 Nov, on the past-due principal
		assertThat(position("1000000004"))
			.isEqualTo(List.of("2026-11-30", 0L, 43_000L, 720L, 0L, 3L, 0L, 0L, 2_916L, 3L));
	}

	@Test
	void aRepaymentInALateFileCountsFromTheDayItWasPaid() {
		// as 1000000001 in October: 1,232 interest, 6,000 due on 27 Nov
		assertThat(statement("1000000005", "2026-10-31"))
			.isEqualTo(List.of("2026-10-01", "2026-11-27", 0L, 0L, 0L, 100_000L, 0L, 1_232L, 0L, 0L, 101_232L, 6_000L));
		// taken in by the run of 30 Nov, allocated in the usual order
		assertThat(allocation("R5")).isEqualTo(List.of(0L, 0L, 1_232L, 4_768L, 0L, 0L));
		assertThat(this.jdbc.queryForObject(
				"SELECT business_date || ' ' || value_date FROM repayment.allocation WHERE repayment_id = 'R5'",
				String.class))
			.isEqualTo("2026-11-30 2026-11-26");
		// without the file the account was overdue on 28 and 29 Nov, on 6,000 − 1,232
		// interest = 4,768: 4,768 × 14.60% / 365 = 1.9072 a day; the run of 30 Nov
		// reverses both days
		assertThat(this.jdbc.queryForList("""
				SELECT accrual_date || ' ' || principal || ' ' || amount || ' ' || booked_on || ' ' || catch_up
				FROM report.daily_accrual WHERE account_id = '1000000005' AND kind = 'LATE_CHARGE'
				ORDER BY booked_on, accrual_date""", String.class)).containsExactly(
				"2026-11-28 4768 1.907200000000 2026-11-28 false", "2026-11-29 4768 1.907200000000 2026-11-29 false",
				"2026-11-28 -4768 -1.907200000000 2026-11-30 true", "2026-11-29 -4768 -1.907200000000 2026-11-30 true");
		// interest stops from the day after it was paid: 100,000 for 1–26 Nov, 95,232 for
		// 27–30 Nov: 1,068.49 + 156.55 = 1,225.04 → 1,225 (27–29 Nov caught up on the
		// 30th); no late charge; slide for 96,457 is 3,000
		assertThat(this.jdbc.queryForList("""
				SELECT accrual_date || ' ' || principal FROM report.daily_accrual
				WHERE account_id = '1000000005' AND kind = 'INTEREST' AND catch_up ORDER BY accrual_date""",
				String.class))
			.containsExactly("2026-11-27 -4768", "2026-11-28 -4768", "2026-11-29 -4768");
		assertThat(statement("1000000005", "2026-11-30")).isEqualTo(
				List.of("2026-11-01", "2026-12-28", 101_232L, 0L, 0L, 0L, 0L, 1_225L, 0L, 6_000L, 96_457L, 3_000L));
		assertThat(position("1000000005"))
			.isEqualTo(List.of("2026-11-30", 0L, 95_232L, 1_225L, 0L, 0L, 0L, 0L, 0L, 0L));
	}

	@Test
	void aSaturdayPurchaseAndAHolidayRepaymentArePostedOnTheirOwnDates() throws Exception {
		// the cash-flow file of Saturday 14 Nov, posted by Saturday's run
		assertThat(this.jdbc.queryForList("""
				SELECT f.posted_on || ' ' || e.entry_date || ' ' || e.kind || ' ' || e.amount
				FROM batch.import_file f
				JOIN payment.cash_flow c ON c.file_id = f.file_id AND c.transaction_id = 'P6'
				JOIN card.ledger_entry e ON e.account_id = c.account_id AND e.kind = 'PURCHASE'
				""", String.class)).containsExactly("2026-11-14 2026-11-14 PURCHASE 30000");
		// 23 Nov is 勤労感謝の日: no repayment file is expected and none is missed ...
		Map<?, ?> holiday = new ObjectMapper().readValue(this.work.resolve("out/reports/daily_20261103.json").toFile(),
				Map.class);
		assertThat((List<?>) ((Map<?, ?>) holiday.get("manifest")).get("attention")).isEmpty();
		assertThat(manifestEntry("20261103", "repayment_20261103.csv")).containsEntry("status", "NOT_EXPECTED")
			.containsEntry("expected", false);
		// ... but the one that came on 23 Nov is taken in and allocated that day
		assertThat(manifestEntry("20261123", "repayment_20261123.csv")).containsEntry("status", "ACCEPTED")
			.containsEntry("expected", false);
		assertThat(this.jdbc.queryForObject(
				"SELECT business_date || ' ' || shopping_principal FROM repayment.allocation WHERE repayment_id = 'R6'",
				String.class))
			.isEqualTo("2026-11-23 5000");
	}

	private Map<String, Object> manifestEntry(String day, String file) throws Exception {
		Map<?, ?> report = new ObjectMapper()
			.readValue(this.work.resolve("out/reports/daily_" + day + ".json").toFile(), Map.class);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> files = (List<Map<String, Object>>) ((Map<?, ?>) report.get("manifest")).get("files");
		return files.stream().filter(entry -> file.equals(entry.get("file"))).findFirst().orElseThrow();
	}

	@Test
	void theInterestFileAgreesWithThePositions() throws Exception {
		List<String> lines = java.nio.file.Files
			.readAllLines(this.work.resolve("out/notifications/interest_20261130.jsonl"));
		assertThat(lines).containsExactly(
				"{\"account_id\":\"1000000001\",\"business_date\":\"2026-11-30\",\"cycle_start\":\"2026-12-01\",\"interest_accrued_cycle_to_date\":0,\"interest_bearing_balance\":95232,\"next_due_date\":\"2026-12-28\",\"minimum_payment_due\":3000,\"days_overdue\":0,\"late_charge_accrued\":0}",
				"{\"account_id\":\"1000000003\",\"business_date\":\"2026-11-30\",\"cycle_start\":\"2026-11-16\",\"interest_accrued_cycle_to_date\":1053,\"interest_bearing_balance\":142380,\"next_due_date\":\"2026-12-10\",\"minimum_payment_due\":6000,\"days_overdue\":0,\"late_charge_accrued\":0}",
				"{\"account_id\":\"1000000004\",\"business_date\":\"2026-11-30\",\"cycle_start\":\"2026-12-01\",\"interest_accrued_cycle_to_date\":0,\"interest_bearing_balance\":43000,\"next_due_date\":\"2026-12-28\",\"minimum_payment_due\":6000,\"days_overdue\":3,\"late_charge_accrued\":0}",
				"{\"account_id\":\"1000000005\",\"business_date\":\"2026-11-30\",\"cycle_start\":\"2026-12-01\",\"interest_accrued_cycle_to_date\":0,\"interest_bearing_balance\":95232,\"next_due_date\":\"2026-12-28\",\"minimum_payment_due\":3000,\"days_overdue\":0,\"late_charge_accrued\":0}");
	}

	@Test
	void anOverdueMemberIsToldDaysOverdueAndLateChargesSoFar() throws Exception {
		// 11 Nov: 20,500 of the 40,500 due on 4 Nov unpaid, overdue 5–11 Nov (7 days),
		// late charges 7 × 8.2 = 57.4 → 57
		assertThat(java.nio.file.Files.readAllLines(this.work.resolve("out/notifications/interest_20261111.jsonl")))
			.contains(
					"{\"account_id\":\"1000000002\",\"business_date\":\"2026-11-11\",\"cycle_start\":\"2026-10-21\",\"interest_accrued_cycle_to_date\":0,\"interest_bearing_balance\":0,\"next_due_date\":\"2026-11-04\",\"minimum_payment_due\":20500,\"days_overdue\":7,\"late_charge_accrued\":57}");
	}

	@Test
	void everyNoticeAgreesWithThePositionAndTheAccruals() throws Exception {
		List<String> lines = java.nio.file.Files
			.readAllLines(this.work.resolve("out/notifications/interest_20261130.jsonl"));
		assertThat(lines).isNotEmpty();
		for (String line : lines) {
			Map<String, Object> notice = new com.fasterxml.jackson.databind.ObjectMapper().readValue(line, Map.class);
			String account = (String) notice.get("account_id");
			Map<String, Object> expected = this.jdbc.queryForMap(
					"""
							SELECT p.days_overdue,
							       p.cash_principal + CASE WHEN a.repayment_method = 'REVOLVING' THEN p.shopping_principal ELSE 0 END
							           AS interest_bearing_balance,
							       (SELECT coalesce(sum(f), 0) FROM (SELECT floor(sum(d.amount)) AS f FROM report.daily_accrual d
							         WHERE d.account_id = p.account_id AND d.kind = 'INTEREST' AND d.cycle_close > p.last_closed_on
							         GROUP BY d.basis) x) AS interest,
							       (SELECT coalesce(sum(f), 0) FROM (SELECT floor(sum(d.amount)) AS f FROM report.daily_accrual d
							         WHERE d.account_id = p.account_id AND d.kind = 'LATE_CHARGE' AND d.cycle_close > p.last_closed_on
							         GROUP BY d.basis) x) AS late
							FROM report.account_position p JOIN card.account a ON a.account_id = p.account_id
							WHERE p.account_id = ?""",
					account);
			assertThat(((Number) notice.get("days_overdue")).longValue()).as(account)
				.isEqualTo(((Number) expected.get("days_overdue")).longValue());
			assertThat(((Number) notice.get("interest_bearing_balance")).longValue()).as(account)
				.isEqualTo(((Number) expected.get("interest_bearing_balance")).longValue());
			assertThat(((Number) notice.get("interest_accrued_cycle_to_date")).longValue()).as(account)
				.isEqualTo(((Number) expected.get("interest")).longValue());
			assertThat(((Number) notice.get("late_charge_accrued")).longValue()).as(account)
				.isEqualTo(((Number) expected.get("late")).longValue());
		}
	}

	@Test
	void theSameDaysRunAsFourPartitionsGiveTheSameLedger() throws Exception {
		String partitioned = TestDatabase.fresh();
		Cli.Result days = runTwoMonths(partitioned, "out-partitioned", "--partitions=4");
		assertThat(days.exitCode()).as(days.output()).isZero();
		assertThat(Snapshot.of(partitioned, Snapshot.LEDGER)).isEqualTo(Snapshot.of(this.url, Snapshot.LEDGER));
		// and the notification files are byte for byte the same
		for (String day : List.of("20261001", "20261111", "20261130")) {
			String name = "notifications/interest_" + day + ".jsonl";
			assertThat(this.work.resolve("out-partitioned/" + name))
				.hasSameBinaryContentAs(this.work.resolve("out/" + name));
		}
	}

	@Test
	void runningEverythingAgainChangesNothing() {
		Map<String, String> before = Snapshot.of(this.url);
		Cli.Result rerun = new Cli(this.url).run("daily", "--business-date=2026-10-01", "--through=2026-11-30",
				"--inbox=" + this.work.resolve("inbox") + "/{date}", "--outbox=" + this.work.resolve("out"));
		assertThat(rerun.exitCode()).as(rerun.output()).isZero();
		assertThat(Snapshot.of(this.url)).isEqualTo(before);
	}

	/**
	 * cycle_start, due_date, opening, purchases, refunds, cash advances, fees, interest,
	 * late charges, repayments, closing, minimum payment.
	 */
	private List<Object> statement(String account, String closingDate) {
		return this.jdbc.queryForObject("""
				SELECT * FROM report.statement WHERE account_id = ? AND closing_date = ?::date""",
				(rs, n) -> List.of(rs.getString("cycle_start"), rs.getString("due_date"), rs.getLong("opening_balance"),
						rs.getLong("purchases"), rs.getLong("refunds"), rs.getLong("cash_advances"), rs.getLong("fees"),
						rs.getLong("interest"), rs.getLong("late_charges"), rs.getLong("repayments"),
						rs.getLong("closing_balance"), rs.getLong("minimum_payment")),
				account, closingDate);
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

	/**
	 * as_of, shopping, cash, billed interest, fees, late charges, accrued interest (whole
	 * yen), credit balance, overdue principal, days overdue.
	 */
	private List<Object> position(String account) {
		return this.jdbc.queryForObject("SELECT * FROM report.account_position WHERE account_id = ?",
				(rs, n) -> List.of(rs.getString("as_of"), rs.getLong("shopping_principal"),
						rs.getLong("cash_principal"), rs.getLong("billed_interest"), rs.getLong("billed_fees"),
						rs.getLong("billed_late_charges"), rs.getBigDecimal("accrued_interest").longValue(),
						rs.getLong("credit_balance"), rs.getLong("overdue_principal"), rs.getLong("days_overdue")),
				account);
	}

}
