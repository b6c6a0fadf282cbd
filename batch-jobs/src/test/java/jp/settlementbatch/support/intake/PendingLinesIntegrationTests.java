package jp.settlementbatch.support.intake;

import java.nio.file.Files;
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
 * Lines that wait for their account (files.md): a file that comes before its card-master
 * records is taken in, its lines wait, and they are posted once the accounts come, as if
 * the card master had come first; a line whose account never comes is turned away after
 * the days it may wait, in a reject file of its own.
 */
class PendingLinesIntegrationTests {

	static final Path SAMPLES = Path.of(System.getProperty("settlement.sample-files", "../sample-files"));

	@TempDir
	Path work;

	@Test
	void theReadmesFirstExampleWorksBeforeTheCardMasterAsAfterIt() {
		// given the README's first example on a fresh database, before the card master
		String cashFlowsFirst = TestDatabase.fresh();
		Cli cli = new Cli(cashFlowsFirst);
		String inbox = "--inbox=" + SAMPLES + "/2026-11-20";
		String out = "--outbox=" + this.work.resolve("first");
		Cli.Result cashFlows = cli.run("run", "import-cash-flows", "--business-date=2026-11-20", inbox, out);

		// then it is accepted, its lines waiting for their accounts
		assertThat(cashFlows.exitCode()).as(cashFlows.output()).isZero();
		JdbcTemplate jdbc = Snapshot.jdbc(cashFlowsFirst);
		assertThat(jdbc.queryForMap("""
				SELECT status, accepted_count, rejected_count, pending_count, detail_count FROM report.import_file
				WHERE file_type = 'CASH_FLOWS'""")).containsEntry("status", "ACCEPTED")
			.containsEntry("accepted_count", 0)
			.containsEntry("pending_count", 3000)
			.containsEntry("detail_count", 3000);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM report.pending_line", Long.class)).isEqualTo(3000);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM report.cash_flow", Long.class)).isZero();

		// when the card master comes, then the day runs
		assertThat(cli.run("run", "import-accounts", "--business-date=2026-11-20", inbox, out).exitCode()).isZero();
		Cli.Result day = cli.run("daily", "--business-date=2026-11-20", "--inbox=" + SAMPLES + "/{date}", out);
		assertThat(day.exitCode()).as(day.output()).isZero();

		// then the ledger is the one the other order gives
		String accountsFirst = TestDatabase.fresh();
		Cli other = new Cli(accountsFirst);
		String otherOut = "--outbox=" + this.work.resolve("second");
		assertThat(other.run("run", "import-accounts", "--business-date=2026-11-20", inbox, otherOut).exitCode())
			.isZero();
		assertThat(other.run("run", "import-cash-flows", "--business-date=2026-11-20", inbox, otherOut).exitCode())
			.isZero();
		assertThat(
				other.run("daily", "--business-date=2026-11-20", "--inbox=" + SAMPLES + "/{date}", otherOut).exitCode())
			.isZero();
		assertThat(Snapshot.of(cashFlowsFirst, Snapshot.LEDGER)).isEqualTo(Snapshot.of(accountsFirst, Snapshot.LEDGER));
		assertThat(jdbc.queryForObject("SELECT count(*) FROM report.pending_line", Long.class)).isZero();
		assertThat(jdbc.queryForMap("""
				SELECT accepted_count, pending_count FROM report.import_file WHERE file_type = 'CASH_FLOWS'"""))
			.containsEntry("accepted_count", 3000)
			.containsEntry("pending_count", 0);
	}

	@Test
	void aLineWhoseAccountNeverComesIsTurnedAwayAfterFiveDays() throws Exception {
		// given a purchase for an account the card master never sends, on 2 Nov
		LocalDate first = LocalDate.parse("2026-11-01");
		DayFiles files = new DayFiles().account(first, "1000000001", "REVOLVING", 500_000, 0, "15.00", "0.00", 31, 27)
			.cashFlow(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-02"), "P1", "1000000001", "PURCHASE",
					1_000, null)
			.cashFlow(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-02"), "P2", "1000000999", "PURCHASE",
					2_500, null);
		Path inbox = this.work.resolve("inbox");
		files.write(inbox, first, LocalDate.parse("2026-11-07"), SAMPLES.resolve("2026-11-20/syukujitsu.csv"),
				Set.of(LocalDate.parse("2026-11-03")));
		String url = TestDatabase.fresh();
		JdbcTemplate jdbc = Snapshot.jdbc(url);
		Path out = this.work.resolve("out");

		// when the days run up to the 6th, then the 7th
		Cli cli = new Cli(url);
		Cli.Result untilThe6th = cli.run("daily", "--business-date=2026-11-01", "--through=2026-11-06",
				"--inbox=" + inbox + "/{date}", "--outbox=" + out);
		assertThat(untilThe6th.exitCode()).as(untilThe6th.output()).isZero();
		assertThat(jdbc.queryForList(
				"SELECT file_name || ' ' || amount || ' ' || pending_since FROM report.pending_line", String.class))
			.containsExactly("cashflow_20261102.csv 2500 2026-11-02");
		Cli.Result the7th = cli.run("daily", "--business-date=2026-11-07", "--inbox=" + inbox + "/{date}",
				"--outbox=" + out);

		// then it waited five days and is turned away, with a reject file of its own and
		// an ATTENTION line
		assertThat(the7th.exitCode()).as(the7th.output()).isZero();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM report.pending_line", Long.class)).isZero();
		assertThat(jdbc.queryForMap("""
				SELECT accepted_count, rejected_count, pending_count, detail_count FROM report.import_file
				WHERE file_name = 'cashflow_20261102.csv'""")).containsEntry("accepted_count", 1)
			.containsEntry("rejected_count", 1)
			.containsEntry("pending_count", 0)
			.containsEntry("detail_count", 2);
		assertThat(jdbc.queryForObject(
				"SELECT reason FROM report.import_reject WHERE file_name = 'cashflow_20261102.csv'", String.class))
			.isEqualTo("UNKNOWN_ACCOUNT");
		assertThat(Files.readAllLines(out.resolve("rejects/cashflow_20261102.csv.expired.rejects.csv"))).hasSize(2)
			.last()
			.asString()
			.startsWith("3,UNKNOWN_ACCOUNT,\"D,P2,1000000999,PURCHASE,2500");
		assertThat(the7th.output()).contains(
				"1 lines of cashflow_20261102.csv waited too long for an account that never came into the card master");
		// the purchase of the known account was posted on its day
		assertThat(jdbc.queryForList("SELECT account_id || ' ' || entry_date || ' ' || amount FROM card.ledger_entry",
				String.class))
			.containsExactly("1000000001 2026-11-02 1000");
	}

}
