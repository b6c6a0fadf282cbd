package jp.settlementbatch.support.files;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jp.settlementbatch.bench.SyntheticDay;
import jp.settlementbatch.support.testing.JarProcess;
import jp.settlementbatch.support.testing.S3TestServer;
import jp.settlementbatch.support.testing.Snapshot;
import jp.settlementbatch.support.testing.TestDatabase;
import jp.settlementbatch.support.testing.Wait;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inputs and outputs in S3, spoken over real S3 HTTP to an S3-compatible server on
 * loopback, by the jar in its own process configured the way ECS configures it
 * (environment only).
 */
class S3IntegrationTests {

	static final Path SAMPLES = Path.of(System.getProperty("settlement.sample-files", "../sample-files"));

	static S3TestServer s3;

	static S3Client client;

	@TempDir
	Path work;

	@BeforeAll
	static void startS3() throws Exception {
		s3 = new S3TestServer();
		client = s3.client();
	}

	@AfterAll
	static void stopS3() throws Exception {
		client.close();
		s3.close();
	}

	@Test
	void importsFromAnInboxPrefixAndWritesRejectsToTheOutbox() throws Exception {
		// given the sample days in a bucket
		String bucket = bucket("days");
		upload(bucket, "inbox/2026-11-20/", SAMPLES.resolve("2026-11-20"));
		upload(bucket, "inbox/2026-11-24/", SAMPLES.resolve("2026-11-24"));
		String url = TestDatabase.fresh();

		// when
		for (String job : List.of("import-accounts", "import-cash-flows")) {
			assertThat(run(url, job, "2026-11-20", "--inbox=s3://" + bucket + "/inbox/2026-11-20/")).isZero();
		}
		assertThat(run(url, "import-cash-flows", "2026-11-24", "--inbox=s3://" + bucket + "/inbox/2026-11-24"))
			.isZero();

		// then the files are in, pinned to their S3 objects, and the rejects are in the
		// outbox, masked
		JdbcTemplate jdbc = Snapshot.jdbc(url);
		assertThat(jdbc.queryForList("SELECT status FROM batch.import_file ORDER BY file_id", String.class))
			.containsExactly("ACCEPTED", "ACCEPTED", "ACCEPTED");
		assertThat(jdbc.queryForList("SELECT source_version FROM batch.import_file", String.class))
			.allMatch(v -> v.startsWith("etag:") || v.startsWith("version:"));
		String rejects = client
			.getObjectAsBytes(r -> r.bucket(bucket).key("outbox/rejects/cashflow_20261124.csv.rejects.csv"))
			.asString(StandardCharsets.UTF_8);
		assertThat(rejects).startsWith("line_number,reason,raw_line\n")
			.contains("PAN_DETECTED")
			.contains("411111******1111")
			.doesNotContain("4111 1111 1111 1111");
	}

	@Test
	void keysAndPrefixesWithSpacesAndJapaneseWork() throws Exception {
		// given the files of a day under a prefix with a space and a Japanese word
		String bucket = bucket("spaces");
		upload(bucket, "受信 箱/2026-11-20/", SAMPLES.resolve("2026-11-20"));
		String url = TestDatabase.fresh();

		// when
		for (String job : List.of("import-accounts", "import-cash-flows")) {
			assertThat(run(url, job, "2026-11-20", "--inbox=s3://" + bucket + "/受信 箱/2026-11-20/")).as(job).isZero();
		}

		// then
		assertThat(Snapshot.jdbc(url).queryForList("SELECT source_uri FROM batch.import_file", String.class))
			.allMatch(uri -> uri.startsWith("s3://spaces/受信 箱/2026-11-20/"));
	}

	@Test
	void anImportTakesInTheLateFilesOfItsKindFromAFlatInboxPrefix() throws Exception {
		// given one inbox prefix for every date, as in AWS, where Friday's repayment file
		// was not there when Friday ran
		String bucket = bucket("flat");
		upload(bucket, "inbox/", SAMPLES.resolve("2026-11-20"));
		client.deleteObject(r -> r.bucket(bucket).key("inbox/repayment_20261120.csv"));
		String url = TestDatabase.fresh();
		String inbox = "--inbox=s3://" + bucket + "/inbox/";
		for (String job : List.of("import-accounts", "import-cash-flows")) {
			assertThat(run(url, job, "2026-11-20", inbox)).isZero();
		}
		assertThat(run(url, "import-repayments", "2026-11-20", inbox)).as("absent, an optional file").isEqualTo(4);

		// when it arrives, and Saturday's import runs (no repayment file is expected on a
		// Saturday)
		client.putObject(r -> r.bucket(bucket).key("inbox/repayment_20261120.csv"),
				RequestBody.fromFile(SAMPLES.resolve("2026-11-20/repayment_20261120.csv")));
		assertThat(run(url, "import-repayments", "2026-11-21", inbox)).isZero();

		// then Friday's file is in, as Friday's, taken in by Saturday's run; once
		JdbcTemplate jdbc = Snapshot.jdbc(url);
		assertThat(jdbc.queryForList(
				"SELECT file_name || ' ' || business_date || ' ' || taken_in_on || ' ' || status FROM batch.import_file WHERE file_type = 'REPAYMENTS'",
				String.class))
			.containsExactly("repayment_20261120.csv 2026-11-20 2026-11-21 ACCEPTED");
		assertThat(run(url, "import-repayments", "2026-11-22", inbox)).isZero();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM batch.import_file WHERE file_type = 'REPAYMENTS'",
				Long.class))
			.isEqualTo(1L);

		// and the manifest of Saturday, written to the outbox, lists it as late
		JarProcess files = JarProcess.start(this.work, s3.environment(), "files", "--business-date=2026-11-21", inbox,
				"--outbox=s3://" + bucket + "/outbox", "--report", "--db-url=" + url, "--log-format=json");
		// exit 3: Saturday's cash flows are missing
		assertThat(files.waitFor(120)).as(files.output()).isEqualTo(3);
		assertThat(files.output()).contains("\"event\":\"file_attention\"")
			.contains("\"message\":\"cashflow_20261121.csv is missing");
		String report = client.getObjectAsBytes(r -> r.bucket(bucket).key("outbox/reports/daily_20261121.json"))
			.asString(StandardCharsets.UTF_8);
		assertThat(report).contains("\"file\" : \"repayment_20261120.csv\"")
			.contains("cashflow_20261121.csv is missing");
	}

	@Test
	void anObjectReplacedAfterAFailureIsRefusedUntilTheOperatorDecides() throws Exception {
		// given a large cash-flow file in S3 whose import is killed half way
		String bucket = bucket("replaced");
		Path day = this.work.resolve("day");
		new SyntheticDay(LocalDate.of(2026, 11, 20), 1_000, 11L).writeAll(day, 200_000, 10, 10, 5);
		upload(bucket, "inbox/", day);
		String url = TestDatabase.fresh();
		assertThat(run(url, "import-accounts", "2026-11-20", "--inbox=s3://" + bucket + "/inbox")).isZero();
		JdbcTemplate jdbc = Snapshot.jdbc(url);
		JarProcess importing = start(url, "import-cash-flows", "2026-11-20", "--inbox=s3://" + bucket + "/inbox",
				"--chunk-size=5000");
		waitUntil(() -> jdbc.queryForObject("SELECT count(*) FROM payment.cash_flow", Long.class) > 0, importing);
		importing.kill();
		long executionId = jdbc.queryForObject("SELECT max(job_execution_id) FROM batch.batch_job_execution",
				Long.class);

		// when the object is replaced by another file
		Path other = this.work.resolve("other");
		new SyntheticDay(LocalDate.of(2026, 11, 20), 1_000, 12L).writeAll(other, 1_000, 10, 10, 5);
		client.putObject(r -> r.bucket(bucket).key("inbox/cashflow_20261120.csv"),
				RequestBody.fromFile(other.resolve("cashflow_20261120.csv")));

		// then neither a rerun nor a restart mixes the two files
		JarProcess rerun = start(url, "import-cash-flows", "2026-11-20", "--inbox=s3://" + bucket + "/inbox");
		assertThat(rerun.waitFor(120)).as(rerun.output()).isEqualTo(3);
		assertThat(rerun.output()).contains("changed since execution " + executionId);
		waitUntil(
				() -> jdbc.queryForObject("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'", Long.class) == 0,
				null);
		JarProcess restart = JarProcess.start(this.work, s3.environment(), "restart", String.valueOf(executionId),
				"--db-url=" + url, "--log-format=json");
		assertThat(restart.waitFor(120)).as(restart.output()).isEqualTo(3);
		assertThat(restart.output()).contains("was replaced since the run started");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM report.cash_flow", Long.class)).isZero();

		// and once the operator abandons the old run, the new file is taken
		JarProcess abandon = JarProcess.start(this.work, s3.environment(), "abandon", String.valueOf(executionId),
				"--db-url=" + url, "--log-format=json");
		assertThat(abandon.waitFor(120)).as(abandon.output()).isZero();
		assertThat(run(url, "import-cash-flows", "2026-11-20", "--inbox=s3://" + bucket + "/inbox")).isZero();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM report.cash_flow", Long.class)).isEqualTo(1_000);
		assertThat(jdbc.queryForList(
				"SELECT status FROM batch.import_file WHERE file_type = 'CASH_FLOWS' ORDER BY file_id", String.class))
			.containsExactly("ABANDONED", "ACCEPTED");
	}

	@Test
	void aMissingObjectIsExitFourAndAnUnreachableStoreIsExitOne() throws Exception {
		String bucket = bucket("empty");
		String url = TestDatabase.fresh();
		JarProcess missing = start(url, "import-cash-flows", "2026-11-20", "--inbox=s3://" + bucket + "/inbox");
		assertThat(missing.waitFor(120)).as(missing.output()).isEqualTo(4);
		assertThat(missing.output()).contains("cashflow_20261120.csv is not there (yet)");

		Map<String, String> unreachable = Map.of("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9", "AWS_ACCESS_KEY_ID", "x",
				"AWS_SECRET_ACCESS_KEY", "y", "AWS_REGION", "us-east-1");
		JarProcess down = JarProcess.start(this.work, unreachable, "run", "import-cash-flows",
				"--business-date=2026-11-20", "--inbox=s3://" + bucket + "/inbox", "--db-url=" + url,
				"--log-format=json");
		assertThat(down.waitFor(180)).as(down.output()).isEqualTo(1);
		assertThat(down.output())
			.contains("s3://" + bucket + "/inbox/cashflow_20261120.csv: the S3 endpoint "
					+ "http://127.0.0.1:9 failed while asking for it: the connection was refused")
			.contains("Once the store answers, run the same command again");
	}

	@Test
	void aForbiddenInputSaysWhichPermissionsToCheckAndIsExitOne() throws Exception {
		// given a store that refuses the task's credentials (403, as S3 answers a role
		// without the permissions)
		String bucket = bucket("forbidden");
		Map<String, String> refused = Map.of("AWS_ENDPOINT_URL_S3", s3.endpoint(), "AWS_ACCESS_KEY_ID",
				S3TestServer.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", "not-the-secret", "AWS_REGION", "us-east-1");

		// when
		JarProcess forbidden = JarProcess.start(this.work, refused, "run", "import-cash-flows",
				"--business-date=2026-11-20", "--inbox=s3://" + bucket + "/inbox", "--db-url=" + TestDatabase.fresh());

		// then: not "not there yet" (exit 4, waited for), but a failure that names the
		// permissions
		assertThat(forbidden.waitFor(120)).as(forbidden.output()).isEqualTo(1);
		assertThat(forbidden.output()).contains("s3://forbidden/inbox/cashflow_20261120.csv: access denied (HTTP 403)")
			.contains("s3:GetObject on this key")
			.contains("s3:ListBucket on bucket forbidden for prefix inbox/cashflow_20261120.csv")
			.doesNotContain("not there (yet)")
			.doesNotContain("Exception");
	}

	private int run(String url, String job, String date, String... more) throws Exception {
		JarProcess process = start(url, job, date, more);
		int exit = process.waitFor(180);
		assertThat(process.output()).doesNotContain(S3TestServer.SECRET_KEY);
		if (exit != 0) {
			System.err.println(process.output());
		}
		return exit;
	}

	private JarProcess start(String url, String job, String date, String... more) throws Exception {
		List<String> args = new java.util.ArrayList<>(
				List.of("run", job, "--business-date=" + date, "--db-url=" + url, "--log-format=json",
						"--outbox=s3://" + more[0].replaceFirst("--inbox=s3://", "").split("/")[0] + "/outbox"));
		args.addAll(List.of(more));
		return JarProcess.start(this.work, s3.environment(), args.toArray(String[]::new));
	}

	private static String bucket(String name) {
		client.createBucket(r -> r.bucket(name));
		return name;
	}

	private static void upload(String bucket, String prefix, Path folder) throws Exception {
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.toList()) {
				client.putObject(r -> r.bucket(bucket).key(prefix + file.getFileName()), RequestBody.fromFile(file));
			}
		}
	}

	private static void waitUntil(java.util.function.BooleanSupplier condition, JarProcess process) throws Exception {
		Wait.until(Duration.ofSeconds(90), condition, process);
	}

}
