package jp.settlementbatch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
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
 * After whole days with a PAN in a file, a file with card numbers in every form the PAN
 * guard knows (fullwidth digits, zero-width spaces, dots, slashes, in a quoted field with
 * commas), and a database password on the command line: no card number in any form, no
 * password and no applicant's personal data in any log line, any stored text of any
 * table, or any file outside the officers' list.
 */
class LeakSweepIntegrationTests {

	static final Path SAMPLES = Path.of(System.getProperty("settlement.sample-files", "../sample-files"));

	static final String PASSWORD = "pw-Leak-Canary-93517";

	/** The card numbers the sample days and the disguised file carry. */
	static final List<String> CARD_NUMBERS = List.of("4111111111111111", "5500000000000004");

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
		Path disguised = disguisedCardNumbers();
		Cli.Result disguisedRun = cli.run("run", "import-cash-flows", "--business-date=2026-11-25",
				"--input=" + disguised, "--outbox=" + this.work.resolve("out"), "--max-reject-ratio=1");
		assertThat(disguisedRun.exitCode()).as(disguisedRun.output()).isZero();
		cli.run("executions", "--json");

		// then nothing printed carries a secret, a card number or an applicant's name or
		// phone
		List<String> personal = personalData();
		assertThat(personal).isNotEmpty();
		String printed = cli.allOutput();
		assertThat(printed).doesNotContain(PASSWORD);
		assertThat(printed.replaceAll("[ -]", "")).doesNotContain("4111111111111111");
		printed.lines().forEach(line -> assertThat(noCardNumber(line)).as(line).isTrue());
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
		// and no stored text of any table holds a card number in any form
		List<String> columns = jdbc.queryForList("""
				SELECT format('%I.%I', c.table_schema, c.table_name) || ' ' || format('%I', c.column_name)
				FROM information_schema.columns c
				JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
				WHERE t.table_type = 'BASE TABLE'
				  AND c.table_schema IN ('payment', 'repayment', 'card', 'application', 'batch', 'report')
				  AND c.data_type IN ('text', 'character varying', 'character')""", String.class);
		assertThat(columns).hasSizeGreaterThan(30);
		for (String column : columns) {
			String[] at = column.split(" ");
			for (String value : jdbc.queryForList(
					"SELECT " + at[1] + " FROM " + at[0] + " WHERE " + at[1] + " IS NOT NULL", String.class)) {
				assertThat(noCardNumber(value)).as(column + ": " + value).isTrue();
			}
		}

		// nor any output file but the officers' list, which is where personal data
		// belongs
		try (Stream<Path> files = Files.walk(this.work.resolve("out"))) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				String text = Files.readString(file);
				assertThat(text).as(file.toString()).doesNotContain(PASSWORD);
				assertThat(text.replaceAll("[ -]", "")).as(file.toString()).doesNotContain("4111111111111111");
				text.lines().forEach(line -> assertThat(noCardNumber(line)).as(file + ": " + line).isTrue());
				if (!file.toString().contains("credit-review")) {
					personal.forEach(value -> assertThat(text).as(file.toString()).doesNotContain(value));
				}
			}
		}
	}

	/**
	 * Whether a text holds none of the card numbers the files carry, in any form: its
	 * digits (any decimal digit, under NFKC) read as one run, whatever stands between.
	 */
	private static boolean noCardNumber(String text) {
		StringBuilder digits = new StringBuilder();
		Normalizer.normalize(text, Normalizer.Form.NFKC).codePoints().forEach(cp -> {
			int digit = Character.digit(cp, 10);
			if (digit >= 0) {
				digits.append(digit);
			}
		});
		return CARD_NUMBERS.stream().noneMatch(digits.toString()::contains);
	}

	/** A cash-flow file whose merchant names hold card numbers in disguise. */
	private Path disguisedCardNumbers() throws IOException {
		List<String> merchants = List.of("カード４１１１１１１１１１１１１１１１", "4111\u200b1111\u200b1111\u200b1111",
				"店 4111.1111.1111.1111", "店 5500/0000/0000/0004", "\"4111,1111,1111,1111\"", "ローソン 新宿西口店",
				"セブン-イレブン 渋谷道玄坂店");
		StringBuilder text = new StringBuilder("H,F25,2026-11-25,SENDER,2026-11-25T01:00:00+09:00\n");
		for (int i = 0; i < merchants.size(); i++) {
			text.append("D,PANFORM")
				.append(i)
				.append(",1000000001,PURCHASE,100,JPY,2026-11-25T10:00:00+09:00,")
				.append(merchants.get(i))
				.append(",5411,1234,\n");
		}
		text.append("T,").append(merchants.size()).append(',').append(100 * merchants.size()).append('\n');
		Path file = Files.createDirectories(this.work.resolve("disguised")).resolve("cashflow_20261125.csv");
		Files.writeString(file, text);
		return file;
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
