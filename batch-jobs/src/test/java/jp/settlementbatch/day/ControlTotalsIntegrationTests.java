package jp.settlementbatch.day;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.settlementbatch.support.testing.Cli;
import jp.settlementbatch.support.testing.Snapshot;
import jp.settlementbatch.support.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The day's reconciliation: on the sample days every total balances, figure by figure;
 * each total, broken on purpose, is an ATTENTION line (and {@code files} exits 3).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ControlTotalsIntegrationTests {

	static final LocalDate LAST = LocalDate.of(2026, 11, 24);

	@TempDir
	static Path work;

	String url;

	Cli cli;

	@BeforeAll
	void theSampleDays() {
		this.url = TestDatabase.fresh();
		this.cli = new Cli(this.url);
		Cli.Result days = this.cli.run("daily", "--business-date=2026-11-20", "--through=2026-11-24",
				"--inbox=../sample-files/{date}", "--outbox=" + work.resolve("out"));
		assertThat(days.exitCode()).as(days.output()).isZero();
	}

	@Test
	void everyTotalOfTheSampleDaysBalances() throws Exception {
		for (LocalDate date = LocalDate.of(2026, 11, 20); !date.isAfter(LAST); date = date.plusDays(1)) {
			JsonNode totals = report(date).path("manifest").path("control_totals");
			assertThat(totals.path("balanced").asBoolean()).as(date + ": " + totals).isTrue();
			for (JsonNode posted : totals.path("posted")) {
				assertThat(posted.path("journal").asLong()).as(date + " " + posted)
					.isEqualTo(posted.path("expected").asLong());
			}
		}
		// the last day, worked out: its cash-flow file has 2,511 lines (trailer), of
		// which 2,500 accepted, 1 waiting for its account, 9 rejected and 1 duplicate,
		// and the yen of the four add up to the trailer's amount
		JsonNode file = report(LAST).path("manifest").path("control_totals").path("files").get(0);
		assertThat(file.path("file").asText()).isEqualTo("cashflow_20261124.csv");
		assertThat(file.path("trailer").path("lines").asLong()).isEqualTo(2511);
		assertThat(List.of(file.path("accepted").path("lines").asLong(), file.path("pending").path("lines").asLong(),
				file.path("rejected").path("lines").asLong(), file.path("duplicates").path("lines").asLong()))
			.containsExactly(2500L, 1L, 9L, 1L);
		long parts = file.path("accepted").path("amount").asLong() + file.path("pending").path("amount").asLong()
				+ file.path("rejected").path("amount").asLong() + file.path("duplicates").path("amount").asLong();
		assertThat(parts).isEqualTo(file.path("trailer").path("amount").asLong()).isPositive();
		// what the ledger moved by equals its journal, and no account is out of balance
		JsonNode movement = report(LAST).path("manifest").path("control_totals").path("ledger_movement");
		assertThat(movement.path("since").asText()).isEqualTo("2026-11-23");
		assertThat(movement.path("moved").asLong()).isEqualTo(movement.path("journal").asLong()).isNotZero();
		assertThat(report(LAST).path("manifest").path("control_totals").path("accounts_out_of_balance").asLong())
			.isZero();
	}

	@Test
	void aLostRowOfAnAcceptedFileIsAttentionAndFilesReportExits3() throws Exception {
		// given a day on a database of its own
		String url = TestDatabase.fresh();
		Cli cli = new Cli(url);
		Path out = work.resolve("lost");
		assertThat(cli.run("daily", "--business-date=2026-11-20", "--inbox=../sample-files/{date}", "--outbox=" + out)
			.exitCode()).isZero();

		// when a row of an accepted file goes missing
		Snapshot.jdbc(url).update("""
				DELETE FROM payment.cash_flow WHERE (file_id, line_number) = (
				  SELECT c.file_id, max(c.line_number) FROM payment.cash_flow c
				  JOIN batch.import_file f ON f.file_id = c.file_id
				  WHERE f.file_name = 'cashflow_20261120.csv' GROUP BY c.file_id)""");

		// then the state machine's last step says so, and alerts
		Cli.Result files = cli.run("files", "--business-date=2026-11-20", "--inbox=../sample-files/{date}",
				"--outbox=" + out, "--report", "--log-format=text");
		assertThat(files.exitCode()).as(files.output()).isEqualTo(3);
		assertThat(files.output()).contains("control totals: DO NOT BALANCE")
			.containsPattern("ATTENTION: Control totals of cashflow_20261120.csv do not balance: its trailer says"
					+ " (\\d+) lines and ¥[\\d,]+; stored are \\d+ accepted");
		JsonNode totals = new ObjectMapper().readTree(Files.readString(out.resolve("reports/daily_20261120.json")))
			.path("manifest")
			.path("control_totals");
		assertThat(totals.path("balanced").asBoolean()).isFalse();
		JsonNode file = totals.path("files").get(0);
		assertThat(file.path("accepted").path("lines").asLong() + 1)
			.isEqualTo(file.path("trailer").path("lines").asLong());
		assertThat(file.path("counts_balance").asBoolean()).isFalse();
	}

	@Test
	void anAmountChangedAfterTheImportUnbalancesItsFile() throws Exception {
		ControlTotals totals = broken("""
				UPDATE payment.cash_flow SET amount = amount + 1
				WHERE (file_id, line_number) = (SELECT c.file_id, min(c.line_number) FROM payment.cash_flow c
				  JOIN batch.import_file f ON f.file_id = c.file_id
				  WHERE f.file_name = 'cashflow_20261124.csv' AND c.reject_reason IS NULL GROUP BY c.file_id)""");
		ControlTotals.FileTotals file = totals.files().get(0);
		assertThat(file.countsBalance()).isTrue();
		assertThat(file.amountsBalance()).isFalse();
		// the file no longer adds up, nor does the journal the row was posted to
		assertThat(totals.attention()).hasSize(2)
			.anySatisfy(line -> assertThat(line).startsWith("Control totals of cashflow_20261124.csv do not balance"))
			.anySatisfy(line -> assertThat(line).startsWith("The ledger's journal of "));
	}

	@Test
	void aJournalThatIsNotWhatTheAcceptedLinesMakeIsAttention() throws Exception {
		// one account's purchases booked one yen more, its balance with them: the account
		// is in balance, the ledger moved by its journal, but the journal is not what the
		// accepted lines of the day make
		ControlTotals totals = broken("""
				WITH one AS (SELECT account_id FROM card.ledger_entry
				             WHERE entry_date = DATE '2026-11-24' AND kind = 'PURCHASE' ORDER BY account_id LIMIT 1),
				     entry AS (UPDATE card.ledger_entry e SET amount = amount + 1 FROM one
				               WHERE e.account_id = one.account_id AND e.entry_date = DATE '2026-11-24'
				                 AND e.kind = 'PURCHASE' RETURNING e.account_id)
				UPDATE card.balance b SET shopping_principal = shopping_principal + 1 FROM entry
				WHERE b.account_id = entry.account_id""");
		assertThat(totals.attention()).singleElement()
			.asString()
			.startsWith("The ledger's journal of PURCHASE on 2026-11-24 is ¥")
			.contains("accepted lines it was to post come to ¥");
		assertThat(totals.movement().balanced()).isTrue();
	}

	@Test
	void aBalanceChangedOutsideTheJobsIsAMovementAndAnAccountOutOfBalance() throws Exception {
		ControlTotals totals = broken("""
				UPDATE card.balance SET credit_balance = credit_balance + 500
				WHERE account_id = (SELECT min(account_id) FROM card.balance)""");
		assertThat(totals.movement().balanced()).isFalse();
		assertThat(totals.attention()).hasSize(2)
			.anySatisfy(line -> assertThat(line).startsWith("The ledger moved by ¥")
				.contains("since 2026-11-23, but its journal by ¥"))
			.anySatisfy(line -> assertThat(line)
				.isEqualTo("1 accounts are out of balance with their journal (report.ledger_check)."));
	}

	@Test
	void aRecordedTotalThatDoesNotLeadToTodaysIsAMovementAlone() throws Exception {
		ControlTotals totals = broken(
				"UPDATE batch.ledger_day_total SET owed_total = owed_total - 1 WHERE business_date = DATE '2026-11-23'");
		assertThat(totals.attention()).singleElement().asString().startsWith("The ledger moved by ¥");
	}

	/**
	 * The control totals of the last day with {@code sql} applied in a transaction that
	 * is then rolled back, so each test breaks one thing of the same sample days.
	 */
	private ControlTotals broken(String sql) throws Exception {
		JdbcTemplate plain = Snapshot.jdbc(this.url);
		try (Connection connection = plain.getDataSource().getConnection()) {
			connection.setAutoCommit(false);
			JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
			assertThat(ControlTotals.of(jdbc, LAST).attention()).as("before").isEmpty();
			assertThat(jdbc.update(sql)).as("rows broken").isPositive();
			try {
				return ControlTotals.of(jdbc, LAST);
			}
			finally {
				connection.rollback();
			}
		}
	}

	private JsonNode report(LocalDate date) throws Exception {
		return new ObjectMapper().readTree(Files.readString(work
			.resolve("out/reports/daily_" + date.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + ".json")));
	}

}
