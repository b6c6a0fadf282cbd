package jp.settlementbatch.ledger;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

import jp.settlementbatch.support.testing.Cli;
import jp.settlementbatch.support.testing.DayFiles;
import jp.settlementbatch.support.testing.Snapshot;
import jp.settlementbatch.support.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated months, run through {@code daily} on the embedded database and checked
 * against invariants of ledger.md that need no second implementation of it:
 * <ul>
 * <li>every run exits 0 and no account is held;</li>
 * <li>every account balances with its journal, and the journal holds every accepted row
 * exactly once;</li>
 * <li>no day's net interest or late charge is negative;</li>
 * <li>a day's overdue principal is never above the principal owed at its start (the
 * value-dated principal movements before it);</li>
 * <li>a member who pays every amount due by its due date (by paid_at), whatever day the
 * file arrives, is charged no late charge in the end.</li>
 * </ul>
 * Each month has about 60 accounts of every cycle shape files.md allows (REVOLVING and
 * LUMP_SUM; closing and payment days across the month, 31 included) and 62 run dates:
 * purchases, cash advances, fees, refunds of earlier purchases, back-valued cash flows,
 * ATM repayments on any day (weekend ones sent on the next business day, some late), and
 * repayment files held back by their sender for days. A third of the members pay each
 * statement's amount due on a random day up to its due date; the others pay at random or
 * never.
 */
class GeneratedMonthsIntegrationTests {

	static final Path SAMPLES = Path.of(System.getProperty("settlement.sample-files", "../sample-files"));

	static final Path CALENDAR = SAMPLES.resolve("2026-11-20/syukujitsu.csv");

	static final int DAYS = 62;

	@TempDir
	Path work;

	@ParameterizedTest(name = "seed {0} from {1}")
	@CsvSource({ "11, 2026-11-01, 60", "23, 2027-02-14, 60", "37, 2028-01-20, 60" })
	void aGeneratedMonthKeepsEveryInvariant(long seed, LocalDate start, int accounts) throws Exception {
		// given
		Month month = new Month(new SplittableRandom(seed), start, accounts);
		String url = TestDatabase.fresh();
		JdbcTemplate jdbc = Snapshot.jdbc(url);

		// when every date runs, the files of each date written just before its run
		month.run(new Cli(url), this.work.resolve("inbox"), this.work.resolve("out"), jdbc);

		// then
		assertThat(month.failures).as("runs that did not exit 0").isEmpty();
		assertThat(jdbc.queryForList("SELECT account_id || ' ' || reason FROM report.held_account", String.class))
			.isEmpty();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM report.ledger_check WHERE difference <> 0", Long.class))
			.isZero();
		assertThat(jdbc.queryForList("""
				SELECT kind || ' ' || sum(amount) FROM (
				  SELECT type AS kind, amount FROM report.cash_flow
				  UNION ALL SELECT 'REPAYMENT', amount FROM report.repayment
				  UNION ALL SELECT kind, -amount FROM card.ledger_entry WHERE kind NOT IN ('INTEREST', 'LATE_CHARGE')) x
				GROUP BY kind HAVING sum(amount) <> 0""", String.class)).as("accepted rows not posted exactly once")
			.isEmpty();
		assertThat(jdbc.queryForList("""
				SELECT account_id || ' ' || accrual_date || ' ' || kind FROM card.daily_accrual
				GROUP BY account_id, accrual_date, kind HAVING sum(amount) < 0 OR sum(principal) < 0""", String.class))
			.as("days with a negative net interest or late charge")
			.isEmpty();
		assertThat(jdbc.queryForList("""
				SELECT l.account_id || ' ' || l.accrual_date || ' ' || l.overdue || ' > ' || o.owed
				FROM (SELECT account_id, accrual_date, sum(principal) AS overdue FROM card.daily_accrual
				      WHERE kind = 'LATE_CHARGE' GROUP BY account_id, accrual_date) l
				CROSS JOIN LATERAL (
				  SELECT greatest(coalesce(sum(m.shopping_delta), 0), 0) + greatest(coalesce(sum(m.cash_delta), 0), 0)
				         AS owed
				  FROM card.principal_movement m WHERE m.account_id = l.account_id AND m.value_date < l.accrual_date) o
				WHERE l.overdue > o.owed""", String.class)).as("days charged on more than the principal owed")
			.isEmpty();
		assertThat(jdbc.queryForList("""
				SELECT account_id || ' ' || accrual_date FROM card.daily_accrual
				WHERE kind = 'LATE_CHARGE' AND account_id = ANY (CAST(? AS CHAR(10)[]))
				GROUP BY account_id, accrual_date HAVING sum(amount) <> 0""", String.class,
				(Object) month.goodPayers().toArray(String[]::new)))
			.as("late charges left on members who paid on time")
			.isEmpty();
		assertThat(jdbc.queryForList(
				"""
						SELECT s.account_id FROM report.statement s JOIN report.account_position p USING (account_id)
						WHERE s.account_id = ANY (CAST(? AS CHAR(10)[]))
						GROUP BY s.account_id, p.accrued_late_charge HAVING sum(s.late_charges) + trunc(p.accrued_late_charge) <> 0""",
				String.class, (Object) month.goodPayers().toArray(String[]::new)))
			.as("late charges posted to members who paid on time and not given back")
			.isEmpty();
		// and every day's control totals balanced: each file's trailer against its lines,
		// the journal against the accepted lines, the ledger's movement against its
		// journal
		try (java.util.stream.Stream<Path> reports = Files.list(this.work.resolve("out/reports"))) {
			List<String> unbalanced = new ArrayList<>();
			List<Path> days = reports.filter(path -> path.toString().endsWith(".json")).toList();
			assertThat(days).hasSizeGreaterThanOrEqualTo(DAYS);
			for (Path report : days) {
				com.fasterxml.jackson.databind.JsonNode totals = new com.fasterxml.jackson.databind.ObjectMapper()
					.readTree(report.toFile())
					.path("manifest")
					.path("control_totals");
				if (!totals.path("balanced").asBoolean()) {
					unbalanced.add(report.getFileName() + " " + totals);
				}
			}
			assertThat(unbalanced).as("days whose control totals do not balance").isEmpty();
		}
		// what was covered
		assertThat(month.statementsPaidOnTime).as("statements paid by good payers").isGreaterThan(10);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM card.daily_accrual WHERE catch_up", Long.class))
			.as("catch-up rows")
			.isPositive();
		assertThat(jdbc.queryForObject(
				"SELECT count(DISTINCT account_id) FROM card.daily_accrual WHERE kind = 'LATE_CHARGE'", Long.class))
			.as("accounts that were overdue")
			.isPositive();
	}

	/** One generated month: its members, their files, and the runs. */
	static final class Month {

		enum Payer {

			ON_TIME, AT_RANDOM, NEVER

		}

		record Member(String accountId, Payer payer, boolean revolving, long cashLimit, int closingDay) {

		}

		record Purchase(String id, LocalDate postedOn, long amount, long[] refunded) {

		}

		final SplittableRandom random;

		final LocalDate start;

		final LocalDate end;

		final Set<LocalDate> holidays;

		final DayFiles files = new DayFiles();

		final List<Member> members = new ArrayList<>();

		/** Repayment files held back by their sender: date → the date it comes. */
		final Map<LocalDate, LocalDate> heldBack = new TreeMap<>();

		final List<String> failures = new ArrayList<>();

		int statementsPaidOnTime;

		private int ids;

		Month(SplittableRandom random, LocalDate start, int accounts) throws Exception {
			this.random = random;
			this.start = start;
			this.end = start.plusDays(DAYS - 1);
			this.holidays = holidays();
			int[] closingDays = { 5, 10, 15, 20, 25, 28, 31 };
			int[] paymentDays = { 1, 4, 5, 10, 15, 27, 31 };
			for (int i = 0; i < accounts; i++) {
				String id = String.valueOf(1_000_000_001L + i);
				Payer payer = Payer.values()[i % 3];
				boolean revolving = random.nextInt(10) < 6;
				long cashLimit = new long[] { 0, 50_000, 300_000, 1_000_000 }[random.nextInt(4)];
				String cashApr = cashLimit < 100_000 ? "20.00" : cashLimit < 1_000_000 ? "18.00" : "15.00";
				int closingDay = closingDays[random.nextInt(closingDays.length)];
				this.files.account(start, id, revolving ? "REVOLVING" : "LUMP_SUM", 1_000_000, cashLimit,
						random.nextBoolean() ? "15.00" : "18.00", cashApr, closingDay,
						paymentDays[random.nextInt(paymentDays.length)]);
				this.members.add(new Member(id, payer, revolving, cashLimit, closingDay));
			}
			generateCashFlowsAndRandomPayments();
			for (LocalDate date = start.plusDays(1); date.isBefore(this.end.minusDays(6)); date = date.plusDays(1)) {
				if (DayFiles.businessDay(date, this.holidays) && random.nextInt(8) == 0) {
					this.heldBack.put(date, date.plusDays(1 + random.nextInt(5)));
				}
			}
		}

		List<String> goodPayers() {
			return this.members.stream().filter(m -> m.payer() == Payer.ON_TIME).map(Member::accountId).toList();
		}

		private void generateCashFlowsAndRandomPayments() {
			Map<String, List<Purchase>> purchases = new HashMap<>();
			for (LocalDate date = this.start; !date.isAfter(this.end); date = date.plusDays(1)) {
				for (Member member : this.members) {
					int roll = this.random.nextInt(1000);
					String account = member.accountId();
					// a few lines come days after their value date
					LocalDate valueDate = (this.random.nextInt(20) == 0 && date.isAfter(this.start.plusDays(3)))
							? date.minusDays(1 + this.random.nextInt(3)) : date;
					if (roll < 150) {
						long amount = 100 + this.random.nextInt(30_000);
						String id = "P" + (++this.ids);
						this.files.cashFlow(date, valueDate, id, account, "PURCHASE", amount, null);
						purchases.computeIfAbsent(account, a -> new ArrayList<>())
							.add(new Purchase(id, date, amount, new long[1]));
					}
					else if (roll < 180 && member.cashLimit() > 0) {
						this.files.cashFlow(date, valueDate, "C" + (++this.ids), account, "CASH_ADVANCE",
								10_000L * (1 + this.random.nextInt(3)), null);
					}
					else if (roll < 185) {
						this.files.cashFlow(date, valueDate, "F" + (++this.ids), account, "FEE", 550, null);
					}
					else if (roll < 215 && purchases.containsKey(account)) {
						List<Purchase> mine = purchases.get(account);
						Purchase purchase = mine.get(this.random.nextInt(mine.size()));
						long left = purchase.amount() - purchase.refunded()[0];
						if (purchase.postedOn().isBefore(valueDate) && left > 0) {
							long amount = this.random.nextBoolean() ? left : 1 + this.random.nextLong(left);
							purchase.refunded()[0] += amount;
							this.files.cashFlow(date, valueDate, "R" + (++this.ids), account, "REFUND", amount,
									purchase.id());
						}
					}
					if (member.payer() == Payer.AT_RANDOM && this.random.nextInt(25) == 0) {
						pay(account, date, 1_000L * (1 + this.random.nextInt(40)));
					}
				}
			}
		}

		/**
		 * A repayment paid on {@code paidOn} at an ATM: in the file of that day, or of
		 * the next business day when it is not one, sometimes a few days later.
		 */
		private void pay(String account, LocalDate paidOn, long amount) {
			LocalDate sent = paidOn;
			while (!DayFiles.businessDay(sent, this.holidays)) {
				sent = sent.plusDays(1);
			}
			if (this.random.nextInt(5) == 0) {
				sent = sent.plusDays(1 + this.random.nextInt(4));
			}
			if (sent.isAfter(this.end)) {
				sent = this.end;
			}
			this.files.repayment(sent, paidOn, "RP" + (++this.ids), account, amount);
		}

		/**
		 * Runs from the first date to the last, stopping after each close of an on-time
		 * payer (who then schedules paying its amount due) and before each date a held
		 * file comes on.
		 */
		void run(Cli cli, Path inbox, Path outbox, JdbcTemplate jdbc) throws Exception {
			Set<LocalDate> stops = new TreeSet<>();
			for (LocalDate date = this.start; !date.isAfter(this.end); date = date.plusDays(1)) {
				LocalDate day = date;
				if (this.members.stream()
					.anyMatch(m -> m.payer() == Payer.ON_TIME && StatementCycle.closesOn(day, m.closingDay()))) {
					stops.add(date);
				}
			}
			this.heldBack.values().forEach(comes -> stops.add(comes.minusDays(1)));
			stops.add(this.end);
			Path holding = Files.createDirectories(inbox.resolveSibling("held-back"));
			LocalDate from = this.start;
			for (LocalDate to : stops) {
				if (to.isBefore(from)) {
					continue;
				}
				for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
					Path repayments = this.files.writeDate(inbox, date, date.equals(this.start) ? CALENDAR : null,
							this.holidays);
					if (repayments != null && this.heldBack.containsKey(date)) {
						Files.move(repayments, holding.resolve(repayments.getFileName()));
					}
				}
				for (Map.Entry<LocalDate, LocalDate> held : this.heldBack.entrySet()) {
					if (held.getValue().equals(from)) {
						String name = "repayment_" + held.getKey().format(DateTimeFormatter.BASIC_ISO_DATE) + ".csv";
						if (Files.exists(holding.resolve(name))) {
							Files.move(holding.resolve(name), inbox.resolve(held.getKey().toString()).resolve(name));
						}
					}
				}
				Cli.Result result = cli.run("daily", "--business-date=" + from, "--through=" + to,
						"--inbox=" + inbox + "/{date}", "--outbox=" + outbox);
				if (result.exitCode() != 0) {
					this.failures.add(from + ".." + to + " exit " + result.exitCode() + ": " + result.output());
					return;
				}
				payWhatIsDue(jdbc, from, to);
				from = to.plusDays(1);
			}
		}

		/** On-time payers pay each new statement's amount due by its due date. */
		private void payWhatIsDue(JdbcTemplate jdbc, LocalDate from, LocalDate to) {
			Set<String> onTime = new HashSet<>(goodPayers());
			jdbc.query("""
					SELECT account_id, closing_date, due_date, amount_due FROM report.statement
					WHERE closing_date BETWEEN ? AND ? AND amount_due > 0 ORDER BY account_id, closing_date""", rs -> {
				String account = rs.getString(1);
				LocalDate closing = rs.getObject(2, LocalDate.class);
				LocalDate due = rs.getObject(3, LocalDate.class);
				if (onTime.contains(account) && !due.isAfter(this.end)) {
					LocalDate paidOn = closing
						.plusDays(1 + this.random.nextInt((int) (due.toEpochDay() - closing.toEpochDay())));
					pay(account, paidOn, rs.getLong(4));
					this.statementsPaidOnTime++;
				}
			}, from, to);
		}

		private static Set<LocalDate> holidays() throws Exception {
			Set<LocalDate> holidays = new HashSet<>();
			DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy/M/d");
			for (String line : Files.readAllLines(CALENDAR, Charset.forName("Shift_JIS"))) {
				if (!line.isEmpty() && Character.isDigit(line.charAt(0))) {
					holidays.add(LocalDate.parse(line.substring(0, line.indexOf(',')), format));
				}
			}
			return holidays;
		}

	}

}
