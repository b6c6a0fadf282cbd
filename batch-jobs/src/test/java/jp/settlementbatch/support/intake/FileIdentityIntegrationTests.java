package jp.settlementbatch.support.intake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.settlementbatch.support.testing.Cli;
import jp.settlementbatch.support.testing.Snapshot;
import jp.settlementbatch.support.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A valid file is never locked out for good (files.md): the same bytes delivered again
 * resume or go in afresh, an invalid tolerance is refused before anything is recorded,
 * and a file rejected for a cause outside its bytes can be re-opened by an operator,
 * audited.
 */
class FileIdentityIntegrationTests {

	static final Path SAMPLES = Path.of(System.getProperty("settlement.sample-files", "../sample-files"));

	@TempDir
	Path work;

	String url;

	Cli cli;

	JdbcTemplate jdbc;

	Path file;

	@BeforeEach
	void accountsTakenIn() throws Exception {
		this.url = TestDatabase.fresh();
		this.cli = new Cli(this.url);
		this.jdbc = Snapshot.jdbc(this.url);
		assertThat(this.cli
			.run("run", "import-accounts", "--business-date=2026-11-20", "--inbox=" + SAMPLES + "/2026-11-20",
					"--outbox=" + this.work.resolve("out"))
			.exitCode()).isZero();
		// 200 purchases, one of them in dollars
		List<String> lines = new ArrayList<>();
		for (int i = 1; i <= 200; i++) {
			lines.add(ImportIntegrationTests.purchase("CFX" + i, "1000000001", 100));
		}
		lines.set(99, lines.get(99).replace(",JPY,", ",USD,"));
		this.file = Files.createDirectories(this.work.resolve("in")).resolve("cashflow_20261120.csv");
		Files.writeString(this.file,
				"H,CF1,2026-11-20,PROC,2026-11-20T01:00:00+09:00\n" + String.join("\n", lines) + "\nT,200,20000\n");
	}

	Cli.Result importIt(String... more) {
		List<String> arguments = new ArrayList<>(List.of("run", "import-cash-flows", "--business-date=2026-11-20",
				"--input=" + this.file, "--outbox=" + this.work.resolve("out")));
		arguments.addAll(List.of(more));
		return this.cli.run(arguments.toArray(String[]::new));
	}

	@Test
	void theSameBytesDeliveredAgainAfterAFailureResume() throws Exception {
		// given an import that failed in the middle (its table out of reach)
		this.jdbc.update("ALTER TABLE payment.cash_flow RENAME TO cash_flow_away");
		assertThat(importIt().exitCode()).isEqualTo(1);
		this.jdbc.update("ALTER TABLE payment.cash_flow_away RENAME TO cash_flow");

		// when the sender delivers the same bytes again: only the time changes
		Files.setLastModifiedTime(this.file, FileTime.from(Instant.now().plusSeconds(60)));
		Cli.Result again = importIt();

		// then it resumes and completes
		assertThat(again.exitCode()).as(again.output()).isZero();
		assertThat(this.jdbc.queryForObject(
				"SELECT accepted_count FROM report.import_file WHERE file_type = 'CASH_FLOWS'", Integer.class))
			.isEqualTo(199);
	}

	@Test
	void theSameBytesGoInAfreshAfterTheirImportWasAbandoned() throws Exception {
		// given a failed import an operator abandoned
		this.jdbc.update("ALTER TABLE payment.cash_flow RENAME TO cash_flow_away");
		assertThat(importIt().exitCode()).isEqualTo(1);
		this.jdbc.update("ALTER TABLE payment.cash_flow_away RENAME TO cash_flow");
		long execution = this.jdbc.queryForObject("SELECT max(job_execution_id) FROM batch.batch_job_execution",
				Long.class);
		assertThat(this.cli.run("abandon", String.valueOf(execution)).exitCode()).isZero();

		// when the same bytes are imported
		Cli.Result again = importIt();

		// then they are decided afresh, and the abandon is on record
		assertThat(again.exitCode()).as(again.output()).isZero();
		assertThat(this.jdbc.queryForList(
				"SELECT status FROM report.import_file WHERE file_type = 'CASH_FLOWS' ORDER BY file_id", String.class))
			.containsExactly("ABANDONED", "ACCEPTED");
		assertThat(this.jdbc.queryForObject("SELECT reason FROM batch.file_reopening", String.class))
			.isEqualTo("execution " + execution + " abandoned");
	}

	@Test
	void aToleranceThatMeansNothingIsRefusedBeforeAnythingIsRecorded() {
		for (String ratio : List.of("-1", "NaN", "5")) {
			Cli.Result refused = importIt("--max-reject-ratio=" + ratio);
			assertThat(refused.exitCode()).as(ratio).isEqualTo(2);
			assertThat(refused.output()).as(ratio).contains("--max-reject-ratio must be a share from 0 to 1");
		}
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM batch.import_file WHERE file_type = 'CASH_FLOWS'",
				Long.class))
			.isZero();
		assertThat(importIt().exitCode()).isZero();
	}

	@Test
	void anOperatorRetakesAFileRejectedForACauseOutsideItsBytes() {
		// given the file rejected under a tolerance of none
		Cli.Result strict = importIt("--max-reject-ratio=0");
		assertThat(strict.exitCode()).isEqualTo(3);
		assertThat(importIt().exitCode()).as("the verdict stands for the same run").isEqualTo(3);

		// when an operator retakes it
		Cli.Result retake = this.cli.run("retake", "cashflow_20261120.csv", "--business-date=2026-11-20",
				"--reason=judged at ratio 0 by mistake");

		// then its next import decides afresh, and who, when and why are recorded
		assertThat(retake.exitCode()).as(retake.output()).isZero();
		assertThat(importIt().exitCode()).isZero();
		Map<String, Object> audit = this.jdbc.queryForMap("SELECT * FROM batch.file_reopening");
		assertThat(audit).containsEntry("reason", "judged at ratio 0 by mistake")
			.containsEntry("file_name", "cashflow_20261120.csv");
		assertThat((String) audit.get("reopened_by")).contains(System.getProperty("user.name"));
		assertThat(audit.get("reopened_at")).isNotNull();
		// an accepted file, or one never seen, is refused
		Cli.Result accepted = this.cli.run("retake", "cashflow_20261120.csv", "--business-date=2026-11-20",
				"--reason=again");
		assertThat(accepted.exitCode()).isEqualTo(3);
		assertThat(accepted.output()).contains("was accepted: there is nothing to take again");
		assertThat(
				this.cli.run("retake", "cashflow_20261121.csv", "--business-date=2026-11-21", "--reason=x").exitCode())
			.isEqualTo(2);
	}

}
