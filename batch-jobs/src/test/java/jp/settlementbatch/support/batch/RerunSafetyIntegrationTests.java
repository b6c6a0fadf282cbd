package jp.settlementbatch.support.batch;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jp.settlementbatch.bench.SyntheticDay;
import jp.settlementbatch.support.testing.BatchLocks;
import jp.settlementbatch.support.testing.Cli;
import jp.settlementbatch.support.testing.JarProcess;
import jp.settlementbatch.support.testing.Snapshot;
import jp.settlementbatch.support.testing.StopEvents;
import jp.settlementbatch.support.testing.TestDatabase;
import jp.settlementbatch.support.testing.Wait;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crashes and races, with the real jar in its own process: a {@code kill -9} in the
 * middle of a large import, and the same run started twice at once.
 */
class RerunSafetyIntegrationTests {

	static final String DATE = "2026-11-20";

	static final long CASH_FLOWS = 300_000;

	@TempDir
	static Path day;

	@TempDir
	Path work;

	@BeforeAll
	static void generateALargeDay() throws Exception {
		new SyntheticDay(LocalDate.parse(DATE), 2_000, 7L).writeAll(day, CASH_FLOWS, 1_000, 10, 5);
	}

	@Test
	void anImportKilledMidChunkResumesAndEndsIdenticalToAnUninterruptedRun() throws Exception {
		// given a reference database where the import ran without interruption
		String reference = TestDatabase.fresh();
		importAccounts(reference);
		assertThat(new Cli(reference)
			.run("run", "import-cash-flows", "--business-date=" + DATE, "--inbox=" + day,
					"--outbox=" + this.work.resolve("out-ref"))
			.exitCode()).isZero();
		// (which, by default, commits every 50,000 lines: six chunks)
		assertThat(Snapshot.jdbc(reference)
			.queryForMap("SELECT read_count, write_count, commit_count FROM batch.batch_step_execution"
					+ " WHERE step_name = 'load-cash-flows'"))
			.containsEntry("read_count", CASH_FLOWS)
			.containsEntry("write_count", CASH_FLOWS)
			.containsEntry("commit_count", 6L);

		// and a database where the same import is killed in the middle of its load
		String url = TestDatabase.fresh();
		importAccounts(url);
		JdbcTemplate jdbc = Snapshot.jdbc(url);
		JarProcess importing = startImport(url, 5000);
		Wait.until(Duration.ofSeconds(60), () -> committedChunks(jdbc) >= 10, importing);
		importing.kill();
		assertThat(jdbc.queryForObject(
				"SELECT status FROM batch.batch_job_execution ORDER BY job_execution_id DESC LIMIT 1", String.class))
			.as("the dead run is left STARTED")
			.isEqualTo("STARTED");
		long staged = jdbc.queryForObject("SELECT count(*) FROM payment.cash_flow", Long.class);
		assertThat(staged).as("some chunks were committed, not all").isBetween(1L, CASH_FLOWS - 1);
		Wait.until(Duration.ofSeconds(30), () -> BatchLocks.held(jdbc) == 0, null);

		// when the same command runs again
		Cli.Result rerun = new Cli(url).run("run", "import-cash-flows", "--business-date=" + DATE, "--inbox=" + day,
				"--outbox=" + this.work.resolve("out"));

		// then it recovers the dead execution, resumes after the last committed chunk,
		// and ends identical
		assertThat(rerun.exitCode()).as(rerun.output()).isZero();
		assertThat(jdbc.queryForList("SELECT status FROM batch.batch_job_execution e JOIN batch.batch_job_instance i"
				+ " ON i.job_instance_id = e.job_instance_id WHERE i.job_name = 'import-cash-flows' ORDER BY job_execution_id",
				String.class))
			.containsExactly("FAILED", "COMPLETED");
		long readOnResume = jdbc.queryForObject("SELECT read_count FROM batch.batch_step_execution "
				+ "WHERE step_name = 'load-cash-flows' ORDER BY step_execution_id DESC LIMIT 1", Long.class);
		assertThat(readOnResume).as("the resumed run read only what was not committed").isEqualTo(CASH_FLOWS - staged);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM payment.cash_flow", Long.class)).isEqualTo(CASH_FLOWS);
		assertThat(Snapshot.of(url)).isEqualTo(Snapshot.of(reference));
	}

	@Test
	void theSameRunStartedTwiceAtOnceRunsOnceAndTheOtherSaysAlreadyRunning() throws Exception {
		// given the first run holding its instance and held up inside its job
		String url = TestDatabase.fresh();
		importAccounts(url);
		JdbcTemplate jdbc = Snapshot.jdbc(url);
		try (var holdUp = jdbc.getDataSource().getConnection()) {
			holdUp.setAutoCommit(false);
			holdUp.createStatement().execute("LOCK TABLE payment.cash_flow IN ACCESS EXCLUSIVE MODE");
			JarProcess first = startImport(url, 10000);
			Wait.until(Duration.ofSeconds(60), () -> BatchLocks.held(jdbc) == 1, first);

			// when the same run starts again
			JarProcess second = startImport(url, 10000);
			int secondExit = second.waitFor(60);

			// then it refuses at once, and the first completes once let go
			assertThat(secondExit).as(second.output()).isEqualTo(5);
			assertThat(second.output()).contains("already running in another process");
			holdUp.rollback();
			assertThat(first.waitFor(120)).as(first.output()).isZero();
		}
		assertThat(jdbc.queryForObject("SELECT count(*) FROM report.cash_flow", Long.class)).isEqualTo(CASH_FLOWS);
		assertThat(jdbc.queryForList(
				"SELECT status FROM batch.batch_job_execution e JOIN batch.batch_job_instance i"
						+ " ON i.job_instance_id = e.job_instance_id WHERE i.job_name = 'import-cash-flows'",
				String.class))
			.containsExactly("COMPLETED");
	}

	@Test
	void twoRestartsOfTheSameExecutionAtOnceResumeItOnce() throws Exception {
		// given an execution whose process died in the middle of its load
		String url = TestDatabase.fresh();
		importAccounts(url);
		JdbcTemplate jdbc = Snapshot.jdbc(url);
		JarProcess importing = startImport(url, 5000);
		Wait.until(Duration.ofSeconds(60), () -> committedChunks(jdbc) >= 3, importing);
		importing.kill();
		Wait.until(Duration.ofSeconds(30), () -> BatchLocks.held(jdbc) == 0, null);
		String dead = String
			.valueOf(jdbc.queryForObject("SELECT max(job_execution_id) FROM batch.batch_job_execution", Long.class));

		try (var holdUp = jdbc.getDataSource().getConnection()) {
			holdUp.setAutoCommit(false);
			holdUp.createStatement().execute("LOCK TABLE payment.cash_flow IN ACCESS EXCLUSIVE MODE");
			// when two operators restart it at once (the first is held up inside the job)
			JarProcess first = JarProcess.start(this.work, Map.of(), "restart", dead, "--db-url=" + url,
					"--log-format=json");
			Wait.until(Duration.ofSeconds(60), () -> BatchLocks.held(jdbc) == 1, first);
			JarProcess second = JarProcess.start(this.work, Map.of(), "restart", dead, "--db-url=" + url,
					"--log-format=json");

			// then the second refuses at once and the first resumes it to the end
			assertThat(second.waitFor(60)).as(second.output()).isEqualTo(5);
			assertThat(second.output()).contains("already running in another process");
			holdUp.rollback();
			assertThat(first.waitFor(120)).as(first.output()).isZero();
		}
		assertThat(count(jdbc, "report.cash_flow")).isEqualTo(CASH_FLOWS);
		assertThat(jdbc.queryForList("SELECT status FROM batch.batch_job_execution e JOIN batch.batch_job_instance i"
				+ " ON i.job_instance_id = e.job_instance_id WHERE i.job_name = 'import-cash-flows' ORDER BY job_execution_id",
				String.class))
			.containsExactly("FAILED", "COMPLETED");
	}

	@Test
	void sigtermStopsAtAChunkBoundaryEveryTimeAndTheRerunsComplete() throws Exception {
		// given
		String url = TestDatabase.fresh();
		importAccounts(url);
		JdbcTemplate jdbc = Snapshot.jdbc(url);
		java.util.Random random = new java.util.Random(20261120);
		int stops = 0;
		int stopped = 0;

		// when the import is stopped with SIGTERM twenty times, at different points, and
		// run again each time
		while (stops < 20) {
			long before = count(jdbc, "payment.cash_flow");
			JarProcess importing = startImport(url, 1000);
			Wait.until(Duration.ofSeconds(60), () -> count(jdbc, "payment.cash_flow") > before || !importing.isAlive(),
					null);
			if (!importing.isAlive()) {
				assertThat(importing.waitFor(10)).as(importing.output()).isZero();
				break; // it finished before a stop could land
			}
			// at most 100 ms in, so that twenty stops take well under the file's 300,000
			// lines however fast the load has become
			Thread.sleep(random.nextInt(100));
			importing.terminate();
			int exit = importing.waitFor(120);
			if (exit == 0 && "COMPLETED".equals(lastStatus(jdbc))) {
				break; // the last chunks were done before the stop landed
			}

			// then each time the process ends non-zero within the ECS stop timeout, and
			// the run is resumable
			assertThat(exit).as(importing.output()).isNotZero();
			assertThat(lastStatus(jdbc)).as(importing.output()).isIn("STOPPED", "FAILED", "COMPLETED");
			if ("STOPPED".equals(lastStatus(jdbc))) {
				stopped++;
				// and the stop, the STOPPED job and the summary are logged as events, the
				// summary with the code the process ends with
				StopEvents.assertLogged(importing.output(), true);
				assertThat(exit).isEqualTo(143);
				assertThat(importing.output()).contains("\"event\":\"run_summary\"", "\"exit_code\":143");
			}
			stops++;
		}
		assertThat(stops).isGreaterThanOrEqualTo(10);
		assertThat(stopped).as("stops that ended STOPPED").isPositive();
		// the operator's restart of the stopped execution finishes it
		long stoppedExecution = jdbc.queryForObject("SELECT max(job_execution_id) FROM batch.batch_job_execution",
				Long.class);
		Cli.Result last = new Cli(url).run("restart", String.valueOf(stoppedExecution));
		assertThat(last.exitCode()).as(last.output()).isZero();
		assertThat(count(jdbc, "report.cash_flow")).isEqualTo(CASH_FLOWS);
		assertThat(jdbc.queryForObject("SELECT count(DISTINCT transaction_id) FROM payment.cash_flow", Long.class))
			.isEqualTo(CASH_FLOWS);
	}

	@Test
	void theDatabaseGoingAwayMidStepFailsTheRunWithExitOneAndTheRerunCompletes() throws Exception {
		// given a database server of its own, and an import running against it
		Path home = this.work.resolve("own-db");
		jp.settlementbatch.support.db.EmbeddedDatabase server = jp.settlementbatch.support.db.EmbeddedDatabase
			.open(home);
		int port = server.port();
		String url = server.jdbcUrl() + "?user=postgres";
		importAccounts(url);
		JdbcTemplate jdbc = Snapshot.jdbc(url);
		JarProcess importing = startImport(url, 2000);
		Wait.until(Duration.ofSeconds(60), () -> committedChunks(jdbc) >= 5, importing);

		// when the server stops in the middle of the load, and comes back
		server.stopNow();
		long stoppedAt = System.nanoTime();
		int exit = importing.waitFor(240);
		long seconds = (System.nanoTime() - stoppedAt) / 1_000_000_000;
		server = jp.settlementbatch.support.db.EmbeddedDatabase.open(home, port);
		try {
			// then the run failed with exit 1 (restartable), promptly, its one-line cause
			// told before anything else above INFO, and the same command completes it
			assertThat(exit).as(importing.output()).isEqualTo(1);
			assertThat(seconds).as("seconds from the database gone to the exit").isLessThan(40);
			String firstAboveInfo = importing.output()
				.lines()
				.filter(line -> !line.contains("\"level\":\"INFO\""))
				.findFirst()
				.orElseThrow();
			// (the chunk's failure when the server went in a chunk, else the run's)
			assertThat(firstAboveInfo).contains("\"logger_name\":\"jp.settlementbatch.", "database",
					"run the same command again");
			Cli.Result rerun = new Cli(url).run("run", "import-cash-flows", "--business-date=" + DATE, "--inbox=" + day,
					"--outbox=" + this.work.resolve("out"));
			assertThat(rerun.exitCode()).as(rerun.output()).isZero();
			JdbcTemplate again = Snapshot.jdbc(url);
			assertThat(count(again, "report.cash_flow")).isEqualTo(CASH_FLOWS);
			assertThat(again.queryForObject("SELECT count(DISTINCT transaction_id) FROM payment.cash_flow", Long.class))
				.isEqualTo(CASH_FLOWS);
		}
		finally {
			server.stopNow();
		}
	}

	private static long count(JdbcTemplate jdbc, String relation) {
		return jdbc.queryForObject("SELECT count(*) FROM " + relation, Long.class);
	}

	private static String lastStatus(JdbcTemplate jdbc) {
		List<String> statuses = jdbc.queryForList(
				"SELECT e.status FROM batch.batch_job_execution e"
						+ " JOIN batch.batch_job_instance i ON i.job_instance_id = e.job_instance_id"
						+ " WHERE i.job_name = 'import-cash-flows' ORDER BY e.job_execution_id DESC LIMIT 1",
				String.class);
		return statuses.isEmpty() ? "NONE" : statuses.get(0);
	}

	/** The import of the large day, as its own process, with the given chunk size. */
	private JarProcess startImport(String url, int chunkSize) throws java.io.IOException {
		return JarProcess.start(this.work, Map.of(), "run", "import-cash-flows", "--business-date=" + DATE,
				"--inbox=" + day, "--outbox=" + this.work.resolve("out"), "--chunk-size=" + chunkSize,
				"--db-url=" + url, "--log-format=json");
	}

	private void importAccounts(String url) {
		assertThat(new Cli(url)
			.run("run", "import-accounts", "--business-date=" + DATE, "--inbox=" + day,
					"--outbox=" + this.work.resolve("out"))
			.exitCode()).isZero();
	}

	private static long committedChunks(JdbcTemplate jdbc) {
		List<Long> commits = jdbc.queryForList(
				"SELECT commit_count FROM batch.batch_step_execution WHERE step_name = 'load-cash-flows'", Long.class);
		return commits.isEmpty() ? 0 : commits.get(0);
	}

}
