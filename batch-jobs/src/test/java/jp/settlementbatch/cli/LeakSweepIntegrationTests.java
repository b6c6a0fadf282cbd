package jp.settlementbatch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jp.settlementbatch.support.testing.Cli;
import jp.settlementbatch.support.testing.Snapshot;
import jp.settlementbatch.support.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After whole days with a PAN in a file and a database password on the command line: no
 * card number, no password and no applicant's personal data in any log line, job or task
 * record, or file outside the officers' list.
 */
class LeakSweepIntegrationTests {

	static final Path SAMPLES = Path.of(System.getProperty("settlement.sample-files", "../sample-files"));

	static final String PASSWORD = "pw-Leak-Canary-93517";

	@TempDir
	Path work;

	@Test
	void noPanNoPasswordAndNoPersonalDataLeaks() throws IOException {
		// given a database URL that carries a password (the embedded server trusts local
		// users and ignores it)
		String url = TestDatabase.fresh() + "&password=" + PASSWORD;
		Cli cli = new Cli(url);

		// when the sample days run, the second with a PAN in a merchant name
		Cli.Result days = cli.run("daily", "--business-date=2026-11-20", "--through=2026-11-24",
				"--inbox=" + SAMPLES + "/{date}", "--outbox=" + this.work.resolve("out"));
		assertThat(days.exitCode()).as(days.output()).isZero();
		cli.run("executions", "--json");

		// then nothing printed carries a secret, a card number or an applicant's name or
		// phone
		List<String> personal = personalData();
		assertThat(personal).isNotEmpty();
		String printed = cli.allOutput();
		assertThat(printed).doesNotContain(PASSWORD);
		assertThat(printed.replaceAll("[ -]", "")).doesNotContain("4111111111111111");
		personal.forEach(value -> assertThat(printed).as("log output").doesNotContain(value));

		// nor do the job and task records
		JdbcTemplate jdbc = Snapshot.jdbc(url);
		String records = String.join("\n", jdbc.queryForList("""
				SELECT coalesce(exit_message, '') FROM batch.batch_job_execution
				UNION ALL SELECT coalesce(exit_message, '') FROM batch.batch_step_execution
				UNION ALL SELECT coalesce(parameter_value, '') FROM batch.batch_job_execution_params
				UNION ALL SELECT coalesce(task_param, '') FROM batch.task_execution_params
				UNION ALL SELECT coalesce(exit_message, '') || coalesce(error_message, '') FROM batch.task_execution
				UNION ALL SELECT short_context FROM batch.batch_step_execution_context
				""", String.class));
		assertThat(records).doesNotContain(PASSWORD).doesNotContain("4111 1111 1111 1111");
		personal.forEach(value -> assertThat(records).as("job records").doesNotContain(value));

		// nor any output file but the officers' list, which is where personal data
		// belongs
		try (Stream<Path> files = Files.walk(this.work.resolve("out"))) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				String text = Files.readString(file);
				assertThat(text).as(file.toString()).doesNotContain(PASSWORD);
				assertThat(text.replaceAll("[ -]", "")).as(file.toString()).doesNotContain("4111111111111111");
				if (!file.toString().contains("credit-review")) {
					personal.forEach(value -> assertThat(text).as(file.toString()).doesNotContain(value));
				}
			}
		}
	}

	/** Names, kana, phones and addresses of the sample applicants. */
	private static List<String> personalData() throws IOException {
		List<String> values = new ArrayList<>();
		try (Stream<Path> files = Files.walk(SAMPLES)) {
			for (Path file : files.filter(f -> f.getFileName().toString().startsWith("applications_")).toList()) {
				for (String line : Files.readAllLines(file)) {
					String[] f = line.split(",");
					if (f.length > 9 && "D".equals(f[0])) {
						values.addAll(List.of(f[4], f[5], f[8], f[9]));
					}
				}
			}
		}
		return values.stream().distinct().toList();
	}

}
