package jp.settlementbatch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import jp.settlementbatch.bench.SyntheticDay;
import jp.settlementbatch.support.testing.Cli;
import jp.settlementbatch.support.testing.JarProcess;
import jp.settlementbatch.support.testing.LedgerChunks;
import jp.settlementbatch.support.testing.Snapshot;
import jp.settlementbatch.support.testing.StopEvents;
import jp.settlementbatch.support.testing.TestDatabase;
import jp.settlementbatch.support.testing.Wait;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local daily workflow over consecutive sample days, a rerun of one of them, and a
 * day stopped by SIGTERM.
 */
class DailyIntegrationTests {

	static final Path SAMPLES = Path.of(System.getProperty("settlement.sample-files", "../sample-files"));

	@TempDir
	Path work;

	@Test
	void severalDaysThenARerunOfOneEndIdentical() throws IOException {
		// given
		String url = TestDatabase.fresh();
		Cli cli = new Cli(url);
		String inbox = "--inbox=" + SAMPLES + "/{date}";
		String outbox = "--outbox=" + this.work.resolve("out");

		// when the days from the 20th to the 24th run (the 21st to the 23rd are a weekend
		// and a holiday: every calendar date runs)
		Cli.Result days = cli.run("daily", "--business-date=2026-11-20", "--through=2026-11-24", inbox, outbox);

		// then
		assertThat(days.exitCode()).as(days.output()).isZero();
		for (String day : List.of("20261120", "20261121", "20261122", "20261123", "20261124")) {
			assertThat(this.work.resolve("out/reports/daily_" + day + ".json")).exists();
		}
		assertThat(this.work.resolve("out/credit-review/credit_review_20261124.csv")).exists();
		Map<String, String> views = Snapshot.of(url);
		Map<String, byte[]> outputs = outputs();

		// and a rerun of the last day changes nothing
		Cli.Result rerun = cli.run("daily", "--business-date=2026-11-24", inbox, outbox);
		assertThat(rerun.exitCode()).as(rerun.output()).isZero();
		assertThat(rerun.output()).contains("Already done before");
		assertThat(Snapshot.of(url)).isEqualTo(views);
		assertThat(outputs()).usingRecursiveComparison().isEqualTo(outputs);
	}

	@Test
	void aDayThatFailsAtAMiddleJobIsRunAgainAndEndsAsACleanRunWould() throws IOException {
		// given a clean run of the first sample day, for reference
		String clean = TestDatabase.fresh();
		String inbox = "--inbox=" + SAMPLES + "/{date}";
		Cli.Result reference = new Cli(clean).run("daily", "--business-date=2026-11-20", inbox,
				"--outbox=" + this.work.resolve("clean"));
		assertThat(reference.exitCode()).as(reference.output()).isZero();

		// and a database whose allocation table is out of reach (one account refused by a
		// constraint would be held, not fail the job), so update-repayments fails in the
		// middle of the day
		String url = TestDatabase.fresh();
		Cli cli = new Cli(url);
		assertThat(cli.run("executions").exitCode()).as("creates the schema").isZero();
		JdbcTemplate jdbc = Snapshot.jdbc(url);
		jdbc.update("ALTER TABLE repayment.allocation RENAME TO allocation_away");

		// when the day runs
		Cli.Result failed = cli.run("daily", "--business-date=2026-11-20", inbox,
				"--outbox=" + this.work.resolve("out"));

		// then it stops at update-repayments with exit 1, the jobs before it completed
		assertThat(failed.exitCode()).as(failed.output()).isEqualTo(1);
		assertThat(failed.output()).contains("update-repayments")
			.doesNotContain("accrue-interest                  exit");
		assertThat(jdbc.queryForObject(
				"SELECT count(*) FROM batch.batch_job_instance WHERE job_name IN ('accrue-interest', 'close-statements')",
				Long.class))
			.isZero();

		// and when the operator puts it back and the day runs again (a redrive)
		jdbc.update("ALTER TABLE repayment.allocation_away RENAME TO allocation");
		Cli.Result again = cli.run("daily", "--business-date=2026-11-20", inbox,
				"--outbox=" + this.work.resolve("out"));

		// then it resumes at the failed job and ends as the clean run did
		assertThat(again.exitCode()).as(again.output()).isZero();
		assertThat(Snapshot.of(url)).isEqualTo(Snapshot.of(clean));
	}

	/** Every output file but the run reports (which carry timings). */
	private Map<String, byte[]> outputs() throws IOException {
		Map<String, byte[]> files = new TreeMap<>();
		try (Stream<Path> paths = Files.walk(this.work.resolve("out"))) {
			for (Path p : paths.filter(Files::isRegularFile).filter(p -> !p.toString().contains("reports")).toList()) {
				files.put(p.toString(), Files.readAllBytes(p));
			}
		}
		return files;
	}

	@Test
	void aDayStoppedBySigtermEndsItsJobAtAChunkBoundaryAndTheRerunEndsAsACleanRunWould() throws Exception {
		// given a synthetic day large enough to be stopped in the middle, and a clean run
		// of it
		Path inbox = Files.createDirectories(this.work.resolve("inbox"));
		new SyntheticDay(LocalDate.parse("2026-11-20"), 6_000, 13L).writeAll(inbox, 60_000, 3_000, 200, 20);
		Files.copy(SAMPLES.resolve("2026-11-20/syukujitsu.csv"), inbox.resolve("syukujitsu.csv"));
		String[] day = { "daily", "--business-date=2026-11-20", "--inbox=" + inbox,
				"--outbox=" + this.work.resolve("out") };
		String clean = TestDatabase.fresh();
		Cli.Result reference = new Cli(clean).run(day);
		assertThat(reference.exitCode()).as(reference.output()).isZero();

		// when the same day runs as its own process and gets SIGTERM once the ledger's
		// first chunk has committed
		String url = TestDatabase.fresh();
		assertThat(new Cli(url).run("executions").exitCode()).as("creates the schema").isZero();
		JdbcTemplate jdbc = Snapshot.jdbc(url);
		JarProcess running = JarProcess.start(this.work, Map.of(), withDatabase(day, url));
		Wait.until(Duration.ofSeconds(120), () -> LedgerChunks.committed(jdbc, "update-statements") >= 1, running);
		running.terminate();

		// then it ends non-zero with its running job STOPPED, nothing left looking alive
		assertThat(running.waitFor(120)).as(running.output()).isNotZero();
		List<String> statuses = jdbc
			.queryForList("SELECT status FROM batch.batch_job_execution ORDER BY job_execution_id", String.class);
		assertThat(statuses).as(running.output()).last().isEqualTo("STOPPED");
		assertThat(statuses).doesNotContain("STARTING", "STARTED", "STOPPING", "UNKNOWN");
		assertThat(running.output()).contains("stopped at a chunk boundary");
		StopEvents.assertLogged(running.output(), false);

		// and the same command again finishes the day as the clean run did
		JarProcess again = JarProcess.start(this.work, Map.of(), withDatabase(day, url));
		assertThat(again.waitFor(180)).as(again.output()).isZero();
		assertThat(Snapshot.of(url)).isEqualTo(Snapshot.of(clean));
	}

	private static String[] withDatabase(String[] args, String url) {
		String[] all = java.util.Arrays.copyOf(args, args.length + 2);
		all[args.length] = "--db-url=" + url;
		all[args.length + 1] = "--log-format=json";
		return all;
	}

}
