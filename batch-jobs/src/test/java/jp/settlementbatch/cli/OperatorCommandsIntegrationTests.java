package jp.settlementbatch.cli;

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

		// then it is ABANDONED, and running the same input again is refused rather than
		// resumed
		assertThat(abandon.exitCode()).as(abandon.output()).isZero();
		assertThat(jdbc.queryForObject("SELECT status FROM batch.batch_job_execution WHERE job_execution_id = ?",
				String.class, id))
			.isEqualTo("ABANDONED");
		Cli.Result again = cli.run("run", "import-accounts", "--business-date=2026-11-20", "--inbox=" + DAY1,
				"--outbox=" + this.work);
		assertThat(again.exitCode()).isEqualTo(3);
		assertThat(again.output()).contains("abandoned by an operator");
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
