package jp.settlementbatch.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.settlementbatch.support.testing.Cli;
import jp.settlementbatch.support.testing.JarProcess;
import jp.settlementbatch.support.testing.Snapshot;
import jp.settlementbatch.support.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Migrations as a deploy step: {@code db/roles.sql} makes an owner and a row-only user;
 * {@code migrate} runs under the owner; the jobs run with Flyway off under the row-only
 * user, which can change rows and nothing else; a job whose database lacks this image's
 * migrations stops with exit 2 and says to run migrate.
 */
class DatabaseRolesIntegrationTests {

	@TempDir
	Path work;

	@Test
	void aDayRunsUnderTheRowOnlyUserAfterTheOwnerMigrated() throws Exception {
		// given the two roles, made by the administrator
		String url = TestDatabase.fresh();
		JdbcTemplate admin = Snapshot.jdbc(url);
		admin.execute(
				new String(getClass().getResourceAsStream("/db/roles.sql").readAllBytes(), StandardCharsets.UTF_8));

		// when the job runs before migrate, with migrations a deploy step
		Map<String, String> jobs = Map.of("SPRING_FLYWAY_ENABLED", "false", "SETTLEMENT_HOME",
				this.work.resolve("embedded").toString());
		JarProcess early = JarProcess.start(this.work, jobs, "run", "accrue-interest", "--business-date=2026-11-20",
				"--db-url=" + as(url, "settlement_app"), "--log-format=text");

		// then it stops with exit 2 and what to do
		assertThat(early.waitFor(120)).as(early.output()).isEqualTo(2);
		assertThat(early.output()).contains("The database is at no version (not migrated), this image needs version 18")
			.contains("run migrate first");

		// and once the owner migrated
		Cli.Result migrate = new Cli(as(url, "settlement_owner")).run("migrate", "--log-format=text");
		assertThat(migrate.exitCode()).as(migrate.output()).isZero();
		assertThat(migrate.output()).contains("The database is at version 18;").contains("migrations applied now");

		// the day runs under the row-only user
		JarProcess day = JarProcess.start(this.work, jobs, "daily", "--business-date=2026-11-20",
				"--through=2026-11-21", "--inbox=" + Path.of("../sample-files/{date}").toAbsolutePath(),
				"--outbox=" + this.work.resolve("out"), "--db-url=" + as(url, "settlement_app"), "--log-format=json");
		assertThat(day.waitFor(300)).as(day.output()).isZero();
		assertThat(new ObjectMapper().readTree(Files.readString(this.work.resolve("out/reports/daily_20261121.json")))
			.path("manifest")
			.path("control_totals")
			.path("balanced")
			.asBoolean()).isTrue();

		// which may change rows, and nothing else
		JdbcTemplate app = Snapshot.jdbc(as(url, "settlement_app"));
		assertThat(app.queryForObject("SELECT count(*) FROM report.account_position", Long.class)).isPositive();
		assertThatThrownBy(() -> app.execute("CREATE TABLE card.anything (id INTEGER)")).rootCause()
			.hasMessageContaining("permission denied");
		assertThatThrownBy(() -> app.execute("ALTER TABLE card.balance ADD COLUMN anything INTEGER")).rootCause()
			.hasMessageContaining("must be owner");
		assertThatThrownBy(() -> app.execute("DROP TABLE batch.import_file")).rootCause()
			.hasMessageContaining("must be owner");

		// and a second migrate has nothing to do
		assertThat(new Cli(as(url, "settlement_owner")).run("migrate", "--log-format=text").output())
			.contains("it already was, nothing applied");
	}

	/** The test database's URL, as another user. */
	private static String as(String url, String user) {
		return url.replace("user=postgres", "user=" + user);
	}

}
