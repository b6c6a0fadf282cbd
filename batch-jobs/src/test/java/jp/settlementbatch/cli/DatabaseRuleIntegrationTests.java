package jp.settlementbatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import jp.settlementbatch.support.testing.Cli;
import jp.settlementbatch.support.testing.JarProcess;
import jp.settlementbatch.support.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One database rule: {@code spring.datasource.*} from any of Boot's property sources is
 * the database (never, silently, the embedded one), and the first line of a command says
 * which, without user or password.
 */
class DatabaseRuleIntegrationTests {

	@TempDir
	Path work;

	String url;

	@BeforeEach
	void aDatabaseWithOneRun() {
		this.url = TestDatabase.fresh();
		assertThat(new Cli(this.url)
			.run("run", "import-accounts", "--business-date=2026-11-20", "--inbox=../sample-files/2026-11-20",
					"--outbox=" + this.work.resolve("out"))
			.exitCode()).isZero();
	}

	@Test
	void aUrlInSpringApplicationJsonIsTheDatabase() throws Exception {
		String json = "{\"spring\":{\"datasource\":{\"url\":\"" + this.url + "\"}}}";
		JarProcess executions = JarProcess.start(this.work,
				Map.of("SPRING_APPLICATION_JSON", json, "SETTLEMENT_HOME", this.work.resolve("embedded").toString()),
				"executions", "--log-format=text");

		assertThat(executions.waitFor(120)).as(executions.output()).isZero();
		assertThat(executions.output().lines().findFirst().orElse(""))
			.isEqualTo("Database: " + Platform.where(this.url));
		assertThat(executions.output()).contains("import-accounts").doesNotContain("user=");
		assertThat(this.work.resolve("embedded")).doesNotExist();
	}

	@Test
	void aUrlInAConfigFileIsTheDatabase() throws Exception {
		Files.createDirectories(this.work.resolve("config"));
		Files.writeString(this.work.resolve("config/application.properties"),
				"spring.datasource.url=" + this.url + "\n");
		JarProcess executions = JarProcess.start(this.work,
				Map.of("SETTLEMENT_HOME", this.work.resolve("embedded").toString()), "executions", "--json");

		assertThat(executions.waitFor(120)).as(executions.output()).isZero();
		assertThat(executions.output().lines().findFirst().orElse("")).contains("\"event\":\"database\"")
			.contains("\"embedded\":false")
			.contains(Platform.where(this.url));
		assertThat(executions.output()).contains("\"job_name\":\"import-accounts\"");
		assertThat(this.work.resolve("embedded")).doesNotExist();
	}

}
