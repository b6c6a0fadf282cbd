package jp.settlementbatch.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.settlementbatch.support.testing.JarProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run that cannot start, as an operator reads it: in JSON (CloudWatch) one
 * {@code startup_failed} event that carries the clear line and, in a field, the trace; no
 * trace before it. And a task whose temporary directory it cannot write stops before any
 * work, naming the directory, the reason and the fix.
 */
class StartupFailureIntegrationTests {

	@TempDir
	Path work;

	final ObjectMapper json = new ObjectMapper();

	@Test
	void aDatabaseThatIsNotThereIsOneStartupFailedEventInJson() throws Exception {
		// when
		JarProcess run = JarProcess.start(this.work, Map.of(), "run", "import-cash-flows", "--business-date=2026-11-20",
				"--input=" + Path.of("../sample-files/2026-11-20/cashflow_20261120.csv").toAbsolutePath(),
				"--db-url=jdbc:postgresql://127.0.0.1:9/settlement", "--log-format=json");

		// then
		assertThat(run.waitFor(120)).as(run.output()).isEqualTo(1);
		List<String> lines = run.output().lines().toList();
		int failed = -1;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (!line.startsWith("{")) {
				continue;
			}
			JsonNode event = this.json.readTree(line);
			if ("startup_failed".equals(event.path("event").asText())) {
				assertThat(failed).as("one startup_failed event").isEqualTo(-1);
				failed = i;
				assertThat(event.get("message").asText()).startsWith("The database is not reachable")
					.contains("SPRING_DATASOURCE_URL");
				assertThat(event.get("exit_code").asInt()).isEqualTo(1);
				assertThat(event.get("stack_trace").asText()).contains("PSQLException");
			}
		}
		assertThat(failed).as(run.output()).isNotNegative();
		assertThat(lines.subList(0, failed)).as("nothing but JSON events before it")
			.allMatch((line) -> line.startsWith("{") && !line.contains("\"stack_trace\""));
	}

	@Test
	void aTemporaryDirectoryItCannotWriteStopsTheRunBeforeAnyWork() throws Exception {
		// given a temporary directory that does not exist (a volume that was not mounted)
		String missing = this.work.resolve("not-mounted").toString();

		// when
		JarProcess run = JarProcess.start(this.work, Map.of("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + missing), "run",
				"plan-partitions", "--business-date=2026-11-20", "--db-url=jdbc:postgresql://127.0.0.1:9/settlement",
				"--log-format=text");

		// then: a configuration error, before the database is even asked
		assertThat(run.waitFor(120)).as(run.output()).isEqualTo(2);
		// (the path's random digits may pass the PAN guard and be masked: only its end is
		// asserted)
		assertThat(run.output()).contains("The temporary directory ")
			.contains("/not-mounted is not writable")
			.contains("it does not exist")
			.contains("mount the task's volume at /work")
			.doesNotContain("database is not reachable")
			.doesNotContain("Exception");
	}

}
