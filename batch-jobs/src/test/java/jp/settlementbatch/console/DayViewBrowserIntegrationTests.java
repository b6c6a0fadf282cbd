package jp.settlementbatch.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jp.settlementbatch.support.testing.Cli;
import jp.settlementbatch.support.testing.JarProcess;
import jp.settlementbatch.support.testing.Snapshot;
import jp.settlementbatch.support.testing.TestDatabase;
import jp.settlementbatch.support.testing.Wait;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The sample days, with hostile merchant names, seen as an operator sees them: the HTML
 * day report and the console, in headless Chromium
 * ({@code src/test/browser/check-day.mjs}: the numbers as the JSON has them, no console
 * error, the payloads shown as text, axe-core, screenshots in {@code target/browser}).
 * Skipped, saying why, without a browser.
 */
class DayViewBrowserIntegrationTests {

	static final Path BROWSER_CHECKS = Path.of("src/test/browser");

	static final String SCRIPT = "<script>alert(1)</script>";

	static final String IMAGE = "\"><img src=x onerror=alert(1)>";

	@TempDir
	Path work;

	@Test
	void theSampleDaysReportAndTheConsoleShowTheDaysNumbersRunNothingAndPassAxe() throws Exception {
		Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
		assumeTrue(Files.isExecutable(chromium), "No browser at " + chromium
				+ ": install Debian's chromium (apt-get install chromium) or set CHROMIUM; .ci/run installs it.");
		assumeTrue(Files.isDirectory(BROWSER_CHECKS.resolve("node_modules/playwright-core")),
				"The browser checks' packages are not installed: run npm ci in batch-jobs/src/test/browser.");

		// given the sample days, the last one's cash flows with two hostile merchant
		// names
		Path inbox = sampleDays();
		Path outbox = this.work.resolve("out");
		String url = TestDatabase.fresh();
		Cli.Result days = new Cli(url).run("daily", "--business-date=2026-11-20", "--through=2026-11-24",
				"--inbox=" + inbox.resolve("{date}"), "--outbox=" + outbox);
		assertThat(days.exitCode()).as(days.output()).isZero();
		Path html = outbox.resolve("reports/daily_20261124.html");
		String page = Files.readString(html);

		// then every day has its page, the payloads escaped in it, no card number whole
		try (Stream<Path> reports = Files.list(outbox.resolve("reports"))) {
			assertThat(reports.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".html")))
				.containsExactlyInAnyOrder("daily_20261120.html", "daily_20261121.html", "daily_20261122.html",
						"daily_20261123.html", "daily_20261124.html");
		}
		assertThat(page).doesNotContain(SCRIPT, "<img").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
		assertThat(luhnValidRuns(page)).as("card numbers in the page").isEmpty();

		// and, in a browser, the report and the console say what the JSON says and run
		// nothing
		JdbcTemplate jdbc = Snapshot.jdbc(url);
		String before = repository(jdbc);
		JarProcess console = JarProcess.start(this.work, Map.of("SPRING_DATASOURCE_URL", url), "console", "--port=0",
				"--outbox=" + outbox);
		try {
			Pattern serving = Pattern.compile("Console: (http://127\\.0\\.0\\.1:\\d+/)");
			Wait.until(Duration.ofSeconds(90), () -> serving.matcher(console.output()).find(), console);
			Matcher address = serving.matcher(console.output());
			assertThat(address.find()).isTrue();
			Path shots = Path.of("target/browser").toAbsolutePath();
			List<String> command = new ArrayList<>(List.of("node", "check-day.mjs", html.toAbsolutePath().toString(),
					outbox.resolve("reports/daily_20261124.json").toAbsolutePath().toString(), address.group(1),
					shots.toString(), SCRIPT, IMAGE));
			Process check = new ProcessBuilder(command).directory(BROWSER_CHECKS.toFile())
				.redirectErrorStream(true)
				.start();
			String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(check.waitFor(240, TimeUnit.SECONDS)).isTrue();
			assertThat(check.exitValue()).as(said).isZero();
			assertThat(said).contains("all checks passed", "axe-core finds no serious", "every payload (2)");
			assertThat(shots.resolve("report_2026-11-24.png")).isNotEmptyFile();
			assertThat(shots.resolve("console_day_2026-11-24.png")).isNotEmptyFile();
		}
		finally {
			console.terminate();
			console.waitFor(60);
		}
		assertThat(repository(jdbc)).as("the job repository after the console").isEqualTo(before);
	}

	/** The sample days; on 24 Nov two more cash flows (rejected: USD) named to attack. */
	private Path sampleDays() throws IOException {
		Path inbox = this.work.resolve("inbox");
		Path samples = Path.of("../sample-files");
		try (Stream<Path> files = Files.walk(samples)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Path target = inbox.resolve(samples.relativize(file).toString());
				Files.createDirectories(target.getParent());
				Files.copy(file, target);
			}
		}
		Path cashFlows = inbox.resolve("2026-11-24/cashflow_20261124.csv");
		List<String> lines = new ArrayList<>(Files.readAllLines(cashFlows));
		String trailer = lines.remove(lines.size() - 1);
		lines.add("D,CF20261124H0000001,1000000005,PURCHASE,1200,USD,2026-11-24T10:00:00+09:00," + SCRIPT
				+ ",5411,1234,");
		lines.add("D,CF20261124H0000002,1000000005,PURCHASE,1200,USD,2026-11-24T10:00:00+09:00,\""
				+ IMAGE.replace("\"", "\"\"") + "\",5411,1234,");
		String[] counts = trailer.split(",");
		lines.add("T," + (Long.parseLong(counts[1]) + 2) + "," + (Long.parseLong(counts[2]) + 2400));
		Files.write(cashFlows, lines);
		return inbox;
	}

	/** Digit runs of card-number length that pass the Luhn check. */
	static List<String> luhnValidRuns(String text) {
		List<String> found = new ArrayList<>();
		Matcher runs = Pattern.compile("(?<!\\d)\\d{13,19}(?!\\d)").matcher(text);
		while (runs.find()) {
			String digits = runs.group();
			int sum = 0;
			for (int i = 0; i < digits.length(); i++) {
				int digit = digits.charAt(digits.length() - 1 - i) - '0';
				sum += i % 2 == 1 ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit;
			}
			if (sum % 10 == 0) {
				found.add(digits);
			}
		}
		return found;
	}

	/** What the job repository holds, in numbers a write would change. */
	private static String repository(JdbcTemplate jdbc) {
		return jdbc.queryForList("""
				SELECT (SELECT count(*) FROM batch.batch_job_execution) AS executions,
				       (SELECT max(job_execution_id) FROM batch.batch_job_execution) AS last_execution,
				       (SELECT count(*) FROM batch.batch_step_execution) AS steps,
				       (SELECT count(*) FROM batch.batch_job_execution WHERE status <> 'COMPLETED') AS unfinished,
				       (SELECT count(*) FROM batch.import_file) AS files,
				       (SELECT count(*) FROM batch.task_execution) AS tasks""").toString();
	}

}
