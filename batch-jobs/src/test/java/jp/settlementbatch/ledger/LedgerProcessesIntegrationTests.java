package jp.settlementbatch.ledger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.settlementbatch.bench.SyntheticDay;
import jp.settlementbatch.support.testing.BatchLocks;
import jp.settlementbatch.support.testing.Cli;
import jp.settlementbatch.support.testing.JarProcess;
import jp.settlementbatch.support.testing.LedgerChunks;
import jp.settlementbatch.support.testing.Snapshot;
import jp.settlementbatch.support.testing.StopEvents;
import jp.settlementbatch.support.testing.TestDatabase;
import jp.settlementbatch.support.testing.Wait;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger jobs as separate processes, the way Fargate runs them, on a synthetic day
 * (6,000 accounts, 60,000 cash flows, 3,000 repayments; a sixth of the accounts close on
 * the 20th) and a second one after a weekend and a holiday, each against a reference run
 * in one process: four partitions in four JVMs side by side, and a {@code kill -9} in the
 * middle of every ledger job followed by the same command, and SIGTERM again and again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerProcessesIntegrationTests {

	static final String DATE = "2026-11-20";

	static final String NEXT_DATE = "2026-11-24";

	static final List<String> LEDGER_JOBS = List.of("update-statements", "update-repayments", "accrue-interest",
			"close-statements");

	static final Path SAMPLES = Path.of(System.getProperty("settlement.sample-files", "../sample-files"));

	Path work;

	Path inbox;

	Map<String, String> reference;

	Map<String, String> referenceAfterTwoDays;

	@BeforeAll
	void referenceRun(@TempDir Path work) throws Exception {
		this.work = work;
		this.inbox = Files.createDirectories(work.resolve("inbox"));
		new SyntheticDay(LocalDate.parse(DATE), 6_000, 11L).writeAll(this.inbox, 60_000, 3_000, 0, 0);
		Files.copy(SAMPLES.resolve(DATE + "/syukujitsu.csv"), this.inbox.resolve("syukujitsu.csv"));
		String url = TestDatabase.fresh();
		importDay(url);
		Cli cli = new Cli(url);
		for (String job : LEDGER_JOBS) {
			Cli.Result result = cli.run("run", job, "--business-date=" + DATE, "--outbox=" + work.resolve("out"));
			assertThat(result.exitCode()).as(result.output()).isZero();
		}
		this.reference = Snapshot.of(url, Snapshot.LEDGER);
		assertThat(Snapshot.jdbc(url).queryForObject("SELECT count(*) FROM report.statement", Long.class))
			.as("the day closes statements")
			.isGreaterThan(500L);
		// a second business date, after a weekend and a holiday
		Path next = Files.createDirectories(work.resolve("inbox-next"));
		new SyntheticDay(LocalDate.parse(NEXT_DATE), 6_000, 12L)
			.writeCashFlows(next.resolve("cashflow_" + NEXT_DATE.replace("-", "") + ".csv"), 30_000);
		new SyntheticDay(LocalDate.parse(NEXT_DATE), 6_000, 12L)
			.writeRepayments(next.resolve("repayment_" + NEXT_DATE.replace("-", "") + ".csv"), 3_000);
		importNextDay(url);
		for (String job : LEDGER_JOBS) {
			Cli.Result result = cli.run("run", job, "--business-date=" + NEXT_DATE, "--outbox=" + work.resolve("out"));
			assertThat(result.exitCode()).as(result.output()).isZero();
		}
		this.referenceAfterTwoDays = Snapshot.of(url, Snapshot.LEDGER);
	}

	@Test
	void twoDaysAsFourPartitionsInFourProcessesGiveTheSameLedger() throws Exception {
		String url = TestDatabase.fresh();
		importDay(url);
		runPartitioned(url, DATE);
		assertThat(Snapshot.of(url, Snapshot.LEDGER)).isEqualTo(this.reference);
		importNextDay(url);
		runPartitioned(url, NEXT_DATE);
		assertThat(Snapshot.of(url, Snapshot.LEDGER)).isEqualTo(this.referenceAfterTwoDays);
	}

	/** Every ledger job of the date as four processes side by side, one per partition. */
	private void runPartitioned(String url, String date) throws Exception {
		for (String job : LEDGER_JOBS) {
			List<JarProcess> partitions = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				partitions.add(JarProcess.start(this.work, Map.of(), "run", job, "--business-date=" + date,
						"--partition=" + i + "/4", "--outbox=" + this.work.resolve("out"), "--db-url=" + url,
						"--log-format=json"));
			}
			for (JarProcess partition : partitions) {
				assertThat(partition.waitFor(180)).as(partition.output()).isZero();
			}
		}
	}

	private void importNextDay(String url) {
		Cli cli = new Cli(url);
		for (String job : List.of("import-cash-flows", "import-repayments")) {
			Cli.Result result = cli.run("run", job, "--business-date=" + NEXT_DATE,
					"--inbox=" + this.work.resolve("inbox-next"), "--outbox=" + this.work.resolve("out"));
			assertThat(result.exitCode()).as(result.output()).isZero();
		}
	}

	@Test
	void everyLedgerJobKilledMidwayThenRunAgainEndsIdentical() throws Exception {
		String url = TestDatabase.fresh();
		importDay(url);
		JdbcTemplate jdbc = Snapshot.jdbc(url);
		for (String job : LEDGER_JOBS) {
			String[] command = { "run", job, "--business-date=" + DATE, "--outbox=" + this.work.resolve("out"),
					"--chunk-size=50", "--db-url=" + url, "--log-format=json" };
			JarProcess running = JarProcess.start(this.work, Map.of(), command);
			Wait.until(Duration.ofSeconds(120), () -> LedgerChunks.committed(jdbc, job) >= 5, running);
			running.kill();
			assertThat(lastStatus(jdbc, job)).as(job + " is left STARTED by the kill").isEqualTo("STARTED");
			Wait.until(Duration.ofSeconds(30), () -> BatchLocks.held(jdbc) == 0, null);

			JarProcess again = JarProcess.start(this.work, Map.of(), command);
			assertThat(again.waitFor(180)).as(again.output()).isZero();
			assertThat(lastStatus(jdbc, job)).isEqualTo("COMPLETED");
		}
		assertThat(Snapshot.of(url, Snapshot.LEDGER)).isEqualTo(this.reference);
	}

	@Test
	void sigtermDuringAccrualStopsAtAChunkBoundaryEveryTimeAndTheRerunsEndIdentical() throws Exception {
		// given the day posted, then accrue-interest stopped with SIGTERM again and again
		String url = TestDatabase.fresh();
		importDay(url);
		Cli cli = new Cli(url);
		for (String job : List.of("update-statements", "update-repayments")) {
			assertThat(
					cli.run("run", job, "--business-date=" + DATE, "--outbox=" + this.work.resolve("out")).exitCode())
				.isZero();
		}
		JdbcTemplate jdbc = Snapshot.jdbc(url);
		java.util.Random random = new java.util.Random(20261122);
		String[] command = { "run", "accrue-interest", "--business-date=" + DATE,
				"--outbox=" + this.work.resolve("out"), "--chunk-size=3", "--db-url=" + url, "--log-format=json" };
		int stops = 0;
		while (stops < 20) {
			long before = accrued(jdbc);
			JarProcess accruing = JarProcess.start(this.work, Map.of(), command);
			Wait.until(Duration.ofSeconds(120), () -> accrued(jdbc) > before || !accruing.isAlive(), null);
			if (!accruing.isAlive()) {
				assertThat(accruing.waitFor(10)).as(accruing.output()).isZero();
				break; // it finished before a stop could land
			}
			Thread.sleep(random.nextInt(200));
			accruing.terminate();
			int exit = accruing.waitFor(120);

			// then each stop ends the process non-zero, never leaves the run STARTED
			assertThat(exit).as(accruing.output()).isNotZero();
			String status = lastStatus(jdbc, "accrue-interest");
			assertThat(status).isIn("STOPPED", "FAILED", "COMPLETED");
			if (status.equals("COMPLETED")) {
				break; // the stop landed after the last chunk
			}
			// and the stop, the STOPPED job and the summary are logged as events
			StopEvents.assertLogged(accruing.output(), true);
			stops++;
		}
		assertThat(stops).as("stops that landed mid-run").isGreaterThanOrEqualTo(10);
		JarProcess last = JarProcess.start(this.work, Map.of(), command);
		assertThat(last.waitFor(180)).as(last.output()).isZero();
		assertThat(cli.run("run", "close-statements", "--business-date=" + DATE, "--outbox=" + this.work.resolve("out"))
			.exitCode()).isZero();

		// and the ledger is the uninterrupted run's
		assertThat(Snapshot.of(url, Snapshot.LEDGER)).isEqualTo(this.reference);
	}

	private static long accrued(JdbcTemplate jdbc) {
		Long done = jdbc.queryForObject("SELECT count(*) FROM card.balance WHERE accrued_through = ?", Long.class,
				LocalDate.parse(DATE));
		return done == null ? 0 : done;
	}

	private void importDay(String url) {
		Cli cli = new Cli(url);
		for (String job : List.of("import-calendar", "import-accounts", "import-cash-flows", "import-repayments")) {
			Cli.Result result = cli.run("run", job, "--business-date=" + DATE, "--inbox=" + this.inbox,
					"--outbox=" + this.work.resolve("out"));
			assertThat(result.exitCode()).as(result.output()).isZero();
		}
	}

	private static String lastStatus(JdbcTemplate jdbc, String job) {
		return jdbc.queryForObject("""
				SELECT e.status FROM batch.batch_job_execution e
				JOIN batch.batch_job_instance i ON i.job_instance_id = e.job_instance_id
				WHERE i.job_name = ? ORDER BY e.job_execution_id DESC LIMIT 1""", String.class, job);
	}

}
