package jp.settlementbatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.settlementbatch.support.testing.Cli;
import jp.settlementbatch.support.testing.Snapshot;
import jp.settlementbatch.support.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator types: executions, restart and abandon, and the refusals that explain
 * themselves.
 */
class OperatorCommandsIntegrationTests {

	static final Path DAY1 = Path.of(System.getProperty("settlement.sample-files", "../sample-files"), "2026-11-20");

	@TempDir
	Path work;

	@Test
	void executionsListsRunsForPeopleAndScripts() throws Exception {
		// given
		Cli cli = new Cli(TestDatabase.fresh());
		cli.run("run", "import-accounts", "--business-date=2026-11-20", "--inbox=" + DAY1, "--outbox=" + this.work);
		cli.run("run", "import-cash-flows", "--business-date=2026-11-20", "--inbox=" + DAY1, "--outbox=" + this.work);

		// when
		Cli.Result table = cli.run("executions", "--log-format=text");
		Cli.Result json = cli.run("executions", "--job=import-cash-flows", "--json");

		// then
		assertThat(table.exitCode()).isZero();
		assertThat(table.output()).contains("import-accounts").contains("import-cash-flows").contains("2026-11-20");
		List<JsonNode> rows = json.output()
			.lines()
			.filter(l -> l.startsWith("{\"job_execution_id\""))
			.map(l -> read(l))
			.toList();
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).get("job_name").asText()).isEqualTo("import-cash-flows");
		assertThat(rows.get(0).get("status").asText()).isEqualTo("COMPLETED");
		assertThat(rows.get(0).get("read_count").asLong()).isEqualTo(3000);
		assertThat(rows.get(0).get("business_date").asText()).isEqualTo("2026-11-20");
	}

	@Test
	void executionsWritesOnlyItsAnswerToStdoutAndChecksItsFilters() throws Exception {
		// given an import that completed, one rejected as a whole, and one whose process
		// is gone (STARTED in the metadata, its lock free)
		String url = TestDatabase.fresh();
		Cli cli = new Cli(url);
		cli.run("run", "import-accounts", "--business-date=2026-11-20", "--inbox=" + DAY1, "--outbox=" + this.work);
		Path bad = Files.createDirectories(this.work.resolve("bad")).resolve("cashflow_20261120.csv");
		Files.writeString(bad, "H,CF1,2026-11-20,PROC,2026-11-20T01:00:00+09:00\nT,9,0\n");
		assertThat(cli
			.run("run", "import-cash-flows", "--business-date=2026-11-20", "--input=" + bad, "--outbox=" + this.work)
			.exitCode()).isEqualTo(3);
		cli.run("run", "import-repayments", "--business-date=2026-11-20", "--inbox=" + DAY1, "--outbox=" + this.work);
		long dead = Snapshot.jdbc(url).queryForObject("""
				UPDATE batch.batch_job_execution SET status = 'STARTED', exit_code = 'UNKNOWN', end_time = NULL
				WHERE job_execution_id = (SELECT max(job_execution_id) FROM batch.batch_job_execution)
				RETURNING job_execution_id""", Long.class);

		// when a script reads --json: stdout is JSON lines and nothing else (logs to
		// stderr)
		Cli.Apart all = cli.runApart("executions", "--json", "--log-format=json");
		assertThat(all.exitCode()).isZero();
		List<JsonNode> rows = all.stdout().lines().map(l -> read(l)).toList();
		assertThat(rows).hasSize(3);
		assertThat(all.stderr()).contains("\"event\":\"database\"");
		assertThat(rows).filteredOn(row -> row.get("job_execution_id").asLong() == dead)
			.singleElement()
			.satisfies(row -> assertThat(row.get("dead").asBoolean()).isTrue())
			.satisfies(row -> assertThat(row.get("exit_message").asText()).contains("run restart " + dead));

		// statuses in any case, REJECTED among them; dates in both forms
		assertThat(cli.runApart("executions", "--json", "--status=rejected").stdout().lines()).singleElement()
			.asString()
			.contains("\"job_name\":\"import-cash-flows\"");
		assertThat(cli.runApart("executions", "--json", "--status=COMPLETED").stdout().lines()).hasSize(1);
		assertThat(cli.runApart("executions", "--json", "--business-date=20261120").stdout().lines()).hasSize(3);
		assertThat(cli.runApart("executions", "--json", "--business-date=2026-11-21").stdout()).isEmpty();
		Cli.Apart table = cli.runApart("executions", "--log-format=text");
		assertThat(table.stdout()).contains("REJECTED").contains("DEAD").contains("run restart " + dead);
		assertThat(table.stderr()).startsWith("Database: ");

		// and a filter it cannot answer is a usage error, not an empty answer
		for (String wrong : new String[] { "--job=import-cashflows", "--status=DONE", "--business-date=2026-13-01" }) {
			Cli.Apart refused = cli.runApart("executions", wrong, "--log-format=text");
			assertThat(refused.exitCode()).as(wrong).isEqualTo(2);
			assertThat(refused.stdout()).as(wrong).isEmpty();
		}
	}

	@Test
	void restartAndAbandonRefuseWhatTheyCannotDoAndSayWhy() {
		// given a completed execution
		String url = TestDatabase.fresh();
		Cli cli = new Cli(url);
		cli.run("run", "import-accounts", "--business-date=2026-11-20", "--inbox=" + DAY1, "--outbox=" + this.work);
		JdbcTemplate jdbc = Snapshot.jdbc(url);
		long completed = jdbc.queryForObject("SELECT max(job_execution_id) FROM batch.batch_job_execution", Long.class);

		// then
		Cli.Result restart = cli.run("restart", String.valueOf(completed));
		assertThat(restart.exitCode()).isZero();
		assertThat(restart.output()).contains("Already done before");
		Cli.Result abandon = cli.run("abandon", String.valueOf(completed));
		assertThat(abandon.exitCode()).isEqualTo(2);
		assertThat(abandon.output()).contains("completed; there is nothing to abandon");
		Cli.Result unknown = cli.run("restart", "999999");
		assertThat(unknown.exitCode()).isEqualTo(2);
		assertThat(unknown.output()).contains("There is no job execution 999999");
	}

	@Test
	void anAbandonedExecutionIsNeverResumed() {
		// given an execution whose process died (left STARTED), as after a lost Fargate
		// task
		String url = TestDatabase.fresh();
		Cli cli = new Cli(url);
		cli.run("run", "import-accounts", "--business-date=2026-11-20", "--inbox=" + DAY1, "--outbox=" + this.work);
		JdbcTemplate jdbc = Snapshot.jdbc(url);
		long id = jdbc.queryForObject("SELECT max(job_execution_id) FROM batch.batch_job_execution", Long.class);
		jdbc.update("UPDATE batch.batch_job_execution SET status = 'STARTED', end_time = NULL, exit_code = 'UNKNOWN'"
				+ " WHERE job_execution_id = ?", id);

		// when the operator abandons it
		Cli.Result abandon = cli.run("abandon", String.valueOf(id));

		// then it is ABANDONED, never resumed: the same bytes again are a new import,
		// which finds them already accepted for the day and takes nothing in
		assertThat(abandon.exitCode()).as(abandon.output()).isZero();
		assertThat(jdbc.queryForObject("SELECT status FROM batch.batch_job_execution WHERE job_execution_id = ?",
				String.class, id))
			.isEqualTo("ABANDONED");
		Cli.Result again = cli.run("run", "import-accounts", "--business-date=2026-11-20", "--inbox=" + DAY1,
				"--outbox=" + this.work);
		assertThat(again.exitCode()).as(again.output()).isZero();
		assertThat(jdbc.queryForList("SELECT status FROM batch.import_file ORDER BY file_id", String.class))
			.containsExactly("ACCEPTED", "DUPLICATE");
		assertThat(jdbc.queryForObject(
				"SELECT exit_message FROM batch.batch_job_execution ORDER BY job_execution_id" + " DESC LIMIT 1",
				String.class))
			.contains("accounts_20261120.csv is the same bytes as the file already accepted");
		assertThat(jdbc.queryForObject("SELECT status FROM batch.batch_job_execution WHERE job_execution_id = ?",
				String.class, id))
			.isEqualTo("ABANDONED");
	}

	private static JsonNode read(String line) {
		try {
			return new ObjectMapper().readTree(line);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
