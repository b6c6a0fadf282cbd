package jp.settlementbatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import jp.settlementbatch.support.testing.Cli;
import jp.settlementbatch.support.testing.Snapshot;
import jp.settlementbatch.support.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operator mistakes and broken outboxes get a final outcome: the right exit code, one
 * line that says what happened and what to fix, no stack trace, and nothing of a file
 * visible that the run could not finish.
 */
class OperatorMessagesIntegrationTests {

	static final Path DAY1 = Path.of("../sample-files/2026-11-20");

	static final Path DAY2 = Path.of("../sample-files/2026-11-24");

	@TempDir
	Path work;

	String url;

	Cli cli;

	JdbcTemplate jdbc;

	@BeforeEach
	void freshDatabase() {
		this.url = TestDatabase.fresh();
		this.cli = new Cli(this.url);
		this.jdbc = Snapshot.jdbc(this.url);
	}

	@Test
	void aFileNotThereYetIsOneWarningWithNoTrace() {
		Cli.Result result = this.cli.run("run", "import-cash-flows", "--business-date=2026-11-20",
				"--input=" + this.work.resolve("nowhere/cashflow_20261120.csv"), "--outbox=" + this.work.resolve("out"),
				"--log-format=json");

		assertThat(result.exitCode()).isEqualTo(4);
		assertThat(result.output().lines()).singleElement()
			.asString()
			.contains("\"level\":\"WARN\"", "\"event\":\"input_missing\"", "\"exit_code\":4", "not there (yet)")
			.doesNotContain("stack_trace");
	}

	@Test
	void aRejectedFileIsOneWarningAndAFailedRunOneErrorWithTheirDateJobAndFile() throws Exception {
		// given a file whose trailer does not add up
		assertThat(run("import-accounts", "--inbox=" + DAY1).exitCode()).isZero();
		Path file = Files.createDirectories(this.work.resolve("in")).resolve("cashflow_20261120.csv");
		Files.writeString(file, "H,CF1,2026-11-20,PROC,2026-11-20T01:00:00+09:00\nT,1,0\n");

		// when
		Cli.Result rejected = this.cli.run("run", "import-cash-flows", "--business-date=2026-11-20", "--input=" + file,
				"--outbox=" + this.work.resolve("out"), "--log-format=json");

		// then
		assertThat(rejected.exitCode()).isEqualTo(3);
		assertThat(rejected.output().lines().filter(line -> line.contains("\"level\":\"WARN\""))).singleElement()
			.asString()
			.contains("\"event\":\"file_rejected\"", "\"exit_code\":3", "\"business_date\":\"2026-11-20\"",
					"\"job\":\"import-cash-flows\"", "\"file\":\"cashflow_20261120.csv\"", "TRAILER_COUNT_MISMATCH");

		// and a run that fails is one ERROR event that says which
		this.jdbc.update("ALTER TABLE payment.cash_flow RENAME TO cash_flow_away");
		Files.writeString(file, "H,CF1,2026-11-20,PROC,2026-11-20T01:00:00+09:00\nT,0,0\n");
		Cli.Result failed = this.cli.run("run", "import-cash-flows", "--business-date=2026-11-20", "--input=" + file,
				"--outbox=" + this.work.resolve("out"), "--log-format=json");
		assertThat(failed.exitCode()).isEqualTo(1);
		assertThat(failed.output().lines().filter(line -> line.contains("\"event\":\"job_failed\""))).singleElement()
			.asString()
			.contains("\"level\":\"ERROR\"", "\"exit_code\":1", "\"business_date\":\"2026-11-20\"",
					"\"job\":\"import-cash-flows\"", "\"file\":\"cashflow_20261120.csv\"");
	}

	@Test
	void anAmountOfThirtyDigitsIsALineRejectNotABrokenTrailer() throws Exception {
		assertThat(run("import-accounts", "--inbox=" + DAY1).exitCode()).isZero();
		String huge = "123456789012345678901234567890";
		StringBuilder lines = new StringBuilder("H,CF1,2026-11-20,PROC,2026-11-20T01:00:00+09:00\n");
		for (int i = 1; i <= 200; i++) {
			lines.append("D,CFA")
				.append(i)
				.append(",1000000001,PURCHASE,")
				.append(i == 7 ? huge : "100")
				.append(",JPY,2026-11-20T10:00:00+09:00,ローソン,5411,1234,\n");
		}
		lines.append("T,200,")
			.append(new java.math.BigInteger(huge).add(java.math.BigInteger.valueOf(19_900)))
			.append('\n');
		Path file = Files.createDirectories(this.work.resolve("huge")).resolve("cashflow_20261120.csv");
		Files.writeString(file, lines);

		Cli.Result result = this.cli.run("run", "import-cash-flows", "--business-date=2026-11-20", "--input=" + file,
				"--outbox=" + this.work.resolve("out"));

		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(
				this.jdbc.queryForList("SELECT line_number || ' ' || reason FROM report.import_reject", String.class))
			.containsExactly("8 AMOUNT_OUT_OF_RANGE");
	}

	@Test
	void anInputThatIsAFolderIsAUsageErrorNotAFileToWaitFor() {
		Cli.Result result = this.cli.run("run", "import-cash-flows", "--business-date=2026-11-20", "--input=" + DAY1,
				"--outbox=" + this.work.resolve("out"), "--log-format=text");

		assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
		assertThat(result.output()).contains("is a folder, not a file").doesNotContain("not there (yet)");
	}

	@Test
	void aPartitionOnAnImportIsAUsageErrorAndClaimsNoConflict() {
		// given the day's cash flows taken in
		assertThat(run("import-accounts", "--inbox=" + DAY1).exitCode()).isZero();
		assertThat(run("import-cash-flows", "--inbox=" + DAY1).exitCode()).isZero();

		// when the same import runs again with a stray --partition
		Cli.Result stray = run("import-cash-flows", "--inbox=" + DAY1, "--partition=0/4");

		// then
		assertThat(stray.exitCode()).as(stray.output()).isEqualTo(2);
		assertThat(stray.output()).contains("import-cash-flows does not take --partition")
			.doesNotContain("CONFLICTING_FILE");
		assertThat(this.jdbc.queryForList("SELECT status FROM report.import_file WHERE file_type = 'CASH_FLOWS'",
				String.class))
			.containsExactly("ACCEPTED");
	}

	@Test
	void anOutboxThatCannotBeWrittenStopsTheRunBeforeAnythingIsLoaded() throws Exception {
		// given an outbox that is a regular file
		Path outbox = this.work.resolve("outbox");
		Files.writeString(outbox, "not a folder");
		assertThat(run("import-accounts", "--inbox=" + DAY1).exitCode()).isZero();

		// when the day with rejected lines is imported
		Cli.Result result = this.cli.run("run", "import-cash-flows", "--business-date=2026-11-24", "--inbox=" + DAY2,
				"--outbox=" + outbox, "--log-format=text");

		// then nothing was loaded, and the line says which path and what to do
		assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
		// (the path's random digits may pass the PAN guard and be masked: only its end is
		// asserted)
		assertThat(result.output()).contains("The outbox ")
			.contains("/outbox cannot be written")
			.contains("it is a file, not a folder")
			.contains("--outbox")
			.doesNotContain("Exception");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM report.cash_flow", Long.class)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM batch.import_file WHERE file_type = 'CASH_FLOWS'",
				Long.class))
			.isZero();
	}

	@Test
	void aRejectFileTheOutboxRefusesLeavesNothingOfTheFileVisibleAndTheRerunFinishes() throws Exception {
		// given an outbox whose rejects folder cannot be created once the load has begun
		// (a file stands where the folder goes)
		Path outbox = this.work.resolve("outbox");
		Files.createDirectories(outbox);
		Files.writeString(outbox.resolve("rejects"), "in the way");
		assertThat(run("import-accounts", "--inbox=" + DAY1).exitCode()).isZero();
		assertThat(run("import-cash-flows", "--inbox=" + DAY1).exitCode()).isZero();
		long before = this.jdbc.queryForObject("SELECT count(*) FROM report.cash_flow", Long.class);

		// when the day with rejected lines is imported
		Cli.Result failed = this.cli.run("run", "import-cash-flows", "--business-date=2026-11-24", "--inbox=" + DAY2,
				"--outbox=" + outbox, "--log-format=text");

		// then the run fails before the file became visible, and says why
		assertThat(failed.exitCode()).as(failed.output()).isEqualTo(1);
		assertThat(failed.output()).contains("rejects").doesNotContain("Unable to process chunk");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM report.cash_flow", Long.class)).isEqualTo(before);

		// and once the outbox is fixed, the same command finishes the import with its
		// rejects
		Files.delete(outbox.resolve("rejects"));
		Cli.Result rerun = this.cli.run("run", "import-cash-flows", "--business-date=2026-11-24", "--inbox=" + DAY2,
				"--outbox=" + outbox, "--log-format=text");
		assertThat(rerun.exitCode()).as(rerun.output()).isZero();
		assertThat(outbox.resolve("rejects/cashflow_20261124.csv.rejects.csv")).exists();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM report.cash_flow", Long.class)).isGreaterThan(before);
	}

	@Test
	void aLoginPostgreSQLRefusesIsConfigurationAndSaysWhichSettingToFix() {
		String refused = this.url.replace("?user=postgres", "?user=nobody_here");

		Cli.Result result = new Cli(refused).run("executions", "--log-format=text");

		assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
		assertThat(result.output()).contains("PostgreSQL refused the login")
			.contains("SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD")
			.doesNotContain("\tat ");
	}

	@Test
	void aDailyRunWhoseInboxIsMissingSaysSoWithoutAStackTrace() {
		Cli.Result result = this.cli.run("daily", "--business-date=2026-11-20",
				"--inbox=" + this.work.resolve("no-such-inbox"), "--outbox=" + this.work.resolve("out"),
				"--log-format=text");

		assertThat(result.exitCode()).as(result.output()).isEqualTo(4);
		assertThat(result.output()).contains("cashflow_20261120.csv")
			.doesNotContain("\tat ")
			.doesNotContain("Exception");
	}

	private Cli.Result run(String job, String... more) {
		String[] args = new String[4 + more.length];
		args[0] = "run";
		args[1] = job;
		args[2] = "--business-date=2026-11-20";
		args[3] = "--outbox=" + this.work.resolve("out");
		System.arraycopy(more, 0, args, 4, more.length);
		return this.cli.run(args);
	}

}
