package jp.settlementbatch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.settlementbatch.support.testing.Cli;
import jp.settlementbatch.support.testing.Snapshot;
import jp.settlementbatch.support.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A day writes its report whatever happens (exit 4, 3, 1): which jobs ran, which stopped
 * and why, and the manifest so far; {@code daily} tells each job as it ends, before it
 * stops; and the state machine's last step, {@code files --report}, reports the jobs the
 * metadata holds.
 */
class DayOutcomesIntegrationTests {

	static final Path DAY1 = Path.of("../sample-files/2026-11-20");

	@TempDir
	Path work;

	Cli cli;

	String url;

	@BeforeEach
	void freshDatabase() {
		this.url = TestDatabase.fresh();
		this.cli = new Cli(this.url);
	}

	@Test
	void aDayWaitingForItsRequiredFileExits4AndReportsWhatRanAndWhatItWaitsFor() throws Exception {
		Path inbox = inbox("accounts_20261120.csv", "syukujitsu.csv");

		Cli.Result day = this.cli.run("daily", "--business-date=2026-11-20", "--inbox=" + inbox,
				"--outbox=" + this.work.resolve("out"));

		assertThat(day.exitCode()).as(day.output()).isEqualTo(4);
		// each job told as it ended, before the stop
		List<String> events = events(day.output(), "job_result");
		assertThat(events).hasSize(3);
		assertThat(events.get(0)).contains("\"result_of\":\"import-calendar\"", "\"exit_code\":0");
		assertThat(events.get(2)).contains("\"result_of\":\"import-cash-flows\"", "\"exit_code\":4");
		assertThat(day.output().indexOf("\"result_of\":\"import-accounts\""))
			.isLessThan(day.output().indexOf("\"event\":\"input_missing\""));
		JsonNode report = report("20261120");
		assertThat(jobs(report)).containsExactly("import-calendar COMPLETED", "import-accounts COMPLETED",
				"import-cash-flows WAITING_FOR_INPUT");
		assertThat(report.path("jobs").get(2).path("message").asText()).contains("cashflow_20261120.csv");
		assertThat(report.path("manifest").path("files").toString()).contains("\"status\":\"MISSING\"");
		// and its page beside it says the day stopped, and how to check for the file
		assertThat(Files.readString(this.work.resolve("out/reports/daily_20261120.html")))
			.contains("<strong>Stopped</strong>: import-cash-flows is WAITING_FOR_INPUT")
			.contains("<code>settlement-batch files --business-date=2026-11-20</code>");
	}

	@Test
	void aDayWhoseFileIsRejectedExits3AndReportsTheRejection() throws Exception {
		Path inbox = inbox("accounts_20261120.csv", "syukujitsu.csv");
		Files.writeString(inbox.resolve("cashflow_20261120.csv"),
				"H,CF1,2026-11-20,PROC,2026-11-20T01:00:00+09:00\nT,5,0\n");

		Cli.Result day = this.cli.run("daily", "--business-date=2026-11-20", "--inbox=" + inbox,
				"--outbox=" + this.work.resolve("out"));

		assertThat(day.exitCode()).as(day.output()).isEqualTo(3);
		JsonNode report = report("20261120");
		assertThat(jobs(report)).containsExactly("import-calendar COMPLETED", "import-accounts COMPLETED",
				"import-cash-flows REJECTED");
		assertThat(report.path("jobs").get(2).path("exit_code").asInt()).isEqualTo(3);
		assertThat(report.path("manifest").path("attention").toString())
			.contains("cashflow_20261120.csv was rejected (TRAILER_COUNT_MISMATCH)");
	}

	@Test
	void aDayThatFailsExits1AndReportsWhereAndWhyAsTheLastStepDoesToo() throws Exception {
		assertThat(this.cli
			.run("daily", "--business-date=2026-11-20", "--through=2026-11-23", "--inbox=../sample-files/{date}",
					"--outbox=" + this.work.resolve("out"))
			.exitCode()).isZero();
		Snapshot.jdbc(this.url).update("ALTER TABLE repayment.allocation RENAME TO allocation_away");

		Cli.Result day = this.cli.run("daily", "--business-date=2026-11-24", "--inbox=../sample-files/{date}",
				"--outbox=" + this.work.resolve("out"));

		assertThat(day.exitCode()).as(day.output()).isEqualTo(1);
		JsonNode report = report("20261124");
		assertThat(jobs(report)).endsWith("update-statements COMPLETED", "update-repayments FAILED");
		assertThat(report.path("jobs").get(report.path("jobs").size() - 1).path("message").asText())
			.contains("allocation");
		// the state machine's last step, run after the stop, reports the same jobs from
		// the job metadata
		Files.delete(this.work.resolve("out/reports/daily_20261124.json"));
		Cli.Result files = this.cli.run("files", "--business-date=2026-11-24", "--inbox=../sample-files/{date}",
				"--outbox=" + this.work.resolve("out"), "--report");
		assertThat(files.exitCode()).as(files.output()).isEqualTo(3);
		JsonNode recorded = report("20261124");
		assertThat(jobs(recorded)).contains("update-statements COMPLETED", "update-repayments FAILED")
			.doesNotContain("accrue-interest COMPLETED");
		JsonNode failed = recorded.path("jobs").get(recorded.path("jobs").size() - 1);
		assertThat(failed.path("message").asText()).contains("allocation").doesNotContain("\tat ");
		// the ledger did not post the day's repayments: the control totals say so
		assertThat(recorded.path("manifest").path("attention").toString())
			.contains("The ledger's journal of REPAYMENT on 2026-11-24 is ¥0");
	}

	private Path inbox(String... names) throws IOException {
		Path inbox = Files.createDirectories(this.work.resolve("inbox"));
		for (String name : names) {
			Files.copy(DAY1.resolve(name), inbox.resolve(name));
		}
		return inbox;
	}

	private JsonNode report(String date) throws IOException {
		return new ObjectMapper().readTree(Files.readString(this.work.resolve("out/reports/daily_" + date + ".json")));
	}

	private static List<String> jobs(JsonNode report) {
		List<String> jobs = new ArrayList<>();
		report.path("jobs").forEach(job -> jobs.add(job.path("job").asText() + " " + job.path("status").asText()));
		return jobs;
	}

	private static List<String> events(String output, String event) {
		return output.lines().filter(line -> line.contains("\"event\":\"" + event + "\"")).toList();
	}

}
