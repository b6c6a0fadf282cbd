package jp.settlementbatch.support.intake;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jp.settlementbatch.support.testing.Cli;
import jp.settlementbatch.support.testing.Snapshot;
import jp.settlementbatch.support.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.jdbc.core.JdbcTemplate;

import static jp.settlementbatch.support.intake.ImportIntegrationTests.DAY1;
import static jp.settlementbatch.support.intake.ImportIntegrationTests.purchase;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile cash-flow files, each with a clear, final outcome: the exit code, the reject
 * reasons, nothing of a rejected file visible, and no full card number anywhere (tables,
 * reject files, what the run printed).
 */
class HostileInputIntegrationTests {

	static final String PAN = "4111111111111111";

	static final String HEADER = "H,CF1,2026-11-20,PROC,2026-11-20T01:00:00+09:00";

	static final String GOOD = purchase("CFA", "1000000001", 1000);

	@TempDir
	Path work;

	Cli cli;

	JdbcTemplate jdbc;

	@BeforeEach
	void accounts() {
		String url = TestDatabase.fresh();
		this.cli = new Cli(url);
		this.jdbc = Snapshot.jdbc(url);
		assertThat(this.cli
			.run("run", "import-accounts", "--business-date=2026-11-20", "--inbox=" + DAY1,
					"--outbox=" + this.work.resolve("out"))
			.exitCode()).isZero();
	}

	/**
	 * A file, and what must come of it: exit code, line reasons, or the whole-file
	 * reason.
	 */
	record Case(String name, byte[] file, int exitCode, List<String> lineReasons, String fileReason, int visible) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	static Stream<Arguments> cases() {
		List<Case> cases = new ArrayList<>();
		// control characters: the line is MALFORMED, whatever column they sit in
		cases.add(lineCase("a NUL in the merchant name", purchase("CFB", "1000000001", 500).replace("ローソン", "ロー\0ソン"),
				"MALFORMED"));
		cases.add(lineCase("a NUL in a quoted field",
				purchase("CFB", "1000000001", 500).replace("ローソン 品川店", "\"ロー\0ソン, 品川店\""), "MALFORMED"));
		cases.add(lineCase("a NUL in the transaction id", purchase("CF\0B", "1000000001", 500), "MALFORMED"));
		cases.add(lineCase("a control character (SOH) in the mcc",
				purchase("CFB", "1000000001", 500).replace(",5411,", ",54\u000111,"), "MALFORMED"));
		cases.add(lineCase("DEL in the merchant name", purchase("CFB", "1000000001", 500).replace("品川", "品\u007f川"),
				"MALFORMED"));
		cases.add(lineCase("a control character on the second line of a quoted field",
				purchase("CFB", "1000000001", 500).replace("ローソン 品川店", "\"ローソン\n品\u0002川店\""), "MALFORMED"));
		// quotes and shapes
		// a quote inside an unquoted field is text, as RFC 4180 parsers read it
		cases.add(new Case("a quote inside an unquoted field",
				utf8(HEADER + "\n" + GOOD.replace("ローソン", "ロー\"ソン") + "\nT,1,1000\n"), 0, List.of(), null, 1));
		cases.add(lineCase("one field too many", purchase("CFB", "1000000001", 500) + ",extra", "MALFORMED"));
		cases.add(lineCase("one field too few", purchase("CFB", "1000000001", 500).replaceFirst(",JPY", ""),
				"MALFORMED"));
		cases.add(new Case(
				"an open quote that runs to the end of the file", utf8(HEADER + "\n" + GOOD + "\n"
						+ purchase("CFB", "1000000001", 500).replace("ローソン", "\"ローソン") + "\nT,2,1500\n"),
				3, List.of("MALFORMED"), "TRAILER_MISSING", 0));
		// truncations and encodings
		cases.add(new Case("a file cut after a detail", utf8(HEADER + "\n" + GOOD + "\n"), 3, List.of(),
				"TRAILER_MISSING", 0));
		cases.add(new Case("a file cut in the middle of a line",
				utf8(HEADER + "\n" + GOOD + "\n" + GOOD.substring(0, 20)), 3, List.of("MALFORMED"), "TRAILER_MISSING",
				0));
		cases.add(new Case("a file cut in the middle of a character",
				java.util.Arrays.copyOf(utf8(HEADER + "\n" + GOOD + "\nT,1,1000\n"), HEADER.length() + 60), 3,
				List.of("MALFORMED"), "TRAILER_MISSING", 0));
		cases.add(new Case("UTF-16", (HEADER + "\n" + GOOD + "\nT,1,1000\n").getBytes(StandardCharsets.UTF_16), 3,
				List.of(), "NOT_UTF8", 0));
		cases.add(new Case("a UTF-8 byte order mark and CRLF",
				concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
						utf8(HEADER + "\r\n" + GOOD + "\r\nT,1,1000\r\n")),
				0, List.of(), null, 1));
		cases.add(new Case("blank lines between records", utf8(HEADER + "\n\n" + GOOD + "\n\n\nT,1,1000\n"), 0,
				List.of(), null, 1));
		cases.add(new Case("a tab in the merchant name",
				utf8(HEADER + "\n" + GOOD.replace("ローソン 品川店", "ローソン\t品川店") + "\nT,1,1000\n"), 0, List.of(), null, 1));
		// card numbers, wherever they stand
		cases.add(lineCase("a PAN in the merchant name", purchase("CFB", "1000000001", 500).replace("ローソン", PAN),
				"PAN_DETECTED"));
		cases.add(lineCase("a PAN with spaces",
				purchase("CFB", "1000000001", 500).replace("ローソン", "4111 1111 1111 1111"), "PAN_DETECTED"));
		cases.add(lineCase("a PAN with dashes in a quoted field",
				purchase("CFB", "1000000001", 500).replace("ローソン 品川店", "\"4111-1111-1111-1111, 品川店\""),
				"PAN_DETECTED"));
		cases.add(lineCase("a PAN across the lines of a quoted field",
				purchase("CFB", "1000000001", 500).replace("ローソン 品川店", "\"4111 1111\n1111 1111\""), "PAN_DETECTED"));
		cases.add(lineCase("a PAN next to a NUL", purchase("CFB", "1000000001", 500).replace("ローソン", PAN + "\0"),
				"PAN_DETECTED"));
		cases.add(new Case("a PAN in the header",
				utf8("H,CF1,2026-11-20," + PAN + ",2026-11-20T01:00:00+09:00\n" + GOOD + "\nT,1,1000\n"), 3, List.of(),
				"PAN_DETECTED", 0));
		cases.add(new Case("a PAN in the trailer", utf8(HEADER + "\n" + GOOD + "\nT,1,1000," + PAN + "\n"), 3,
				List.of(), "PAN_DETECTED", 0));
		return cases.stream().map(Arguments::of);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void aHostileFileGetsAClearFinalOutcome(Case hostile) throws Exception {
		// given
		Path file = this.work.resolve("in/cashflow_20261120.csv");
		Files.createDirectories(file.getParent());
		Files.write(file, hostile.file());

		// when
		Cli.Result result = this.cli.run("run", "import-cash-flows", "--business-date=2026-11-20", "--input=" + file,
				"--outbox=" + this.work.resolve("out"), "--max-reject-ratio=0.5");

		// then
		assertThat(result.exitCode()).as(result.output()).isEqualTo(hostile.exitCode());
		assertThat(this.jdbc.queryForList("SELECT reason FROM report.import_reject ORDER BY line_number", String.class))
			.containsExactlyElementsOf(hostile.lineReasons());
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM report.cash_flow", Integer.class))
			.isEqualTo(hostile.visible());
		if (hostile.fileReason() != null) {
			assertThat(this.jdbc.queryForObject(
					"SELECT reject_reason FROM report.import_file WHERE file_type = 'CASH_FLOWS'", String.class))
				.isEqualTo(hostile.fileReason());
			assertThat(result.output()).contains(hostile.fileReason());
			assertThat(this.jdbc.queryForObject("SELECT count(*) FROM payment.cash_flow", Integer.class)).isZero();
		}
		if (!hostile.lineReasons().isEmpty()) {
			Path rejects = this.work.resolve("out/rejects/cashflow_20261120.csv.rejects.csv");
			assertThat(rejects).exists();
			assertThat(Files.readString(rejects)).doesNotContain("\0").contains(hostile.lineReasons().get(0));
		}
		assertNoPanAnywhere(result.output());
	}

	private void assertNoPanAnywhere(String output) throws Exception {
		for (Map<String, Object> column : this.jdbc.queryForList("""
				SELECT table_schema, table_name, column_name FROM information_schema.columns
				WHERE table_schema IN ('batch', 'card', 'payment', 'repayment', 'application')
				  AND data_type IN ('text', 'character varying', 'character')
				""")) {
			String sql = "SELECT count(*) FROM " + column.get("table_schema") + "." + column.get("table_name")
					+ " WHERE regexp_replace(" + column.get("column_name") + "::text, '[ \\n-]', '', 'g') LIKE '%" + PAN
					+ "%'";
			assertThat(this.jdbc.queryForObject(sql, Long.class)).as(column.toString()).isZero();
		}
		try (Stream<Path> files = Files.walk(this.work.resolve("out"))) {
			for (Path f : files.filter(Files::isRegularFile).toList()) {
				assertThat(Files.readString(f).replaceAll("[ \\n-]", "")).as(f.toString()).doesNotContain(PAN);
			}
		}
		assertThat(output.replaceAll("[ \\n-]", "")).doesNotContain(PAN);
	}

	private static Case lineCase(String name, String badLine, String reason) {
		long total = 1000 + 500;
		return new Case(name, utf8(HEADER + "\n" + GOOD + "\n" + badLine + "\nT,2," + total + "\n"), 0, List.of(reason),
				null, 1);
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] concat(byte[] a, byte[] b) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(a);
		out.writeBytes(b);
		return out.toByteArray();
	}

}
