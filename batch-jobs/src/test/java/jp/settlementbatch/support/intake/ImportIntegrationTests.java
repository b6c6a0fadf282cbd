package jp.settlementbatch.support.intake;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.opencsv.CSVReader;
import jp.settlementbatch.support.testing.Cli;
import jp.settlementbatch.support.testing.Snapshot;
import jp.settlementbatch.support.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The import jobs end to end through the command line, on a real PostgreSQL: every reject
 * reason and whole-file rejection of files.md, duplicates and conflicts, and the PAN
 * guard.
 */
class ImportIntegrationTests {

	static final Path SAMPLES = Path.of(System.getProperty("settlement.sample-files", "../sample-files"));

	static final Path DAY1 = SAMPLES.resolve("2026-11-20");

	static final Path DAY2 = SAMPLES.resolve("2026-11-24");

	@TempDir
	Path work;

	String url;

	Cli cli;

	JdbcTemplate jdbc;

	@BeforeEach
	void freshDatabase() {
		this.url = TestDatabase.fresh();
		this.cli = new Cli(this.url);
		this.jdbc = Snapshot.jdbc(this.url);
	}

	private Cli.Result run(String job, String date, String... more) {
		List<String> args = new ArrayList<>(
				List.of("run", job, "--business-date=" + date, "--outbox=" + this.work.resolve("out")));
		args.addAll(List.of(more));
		return this.cli.run(args.toArray(String[]::new));
	}

	private void importDay1() {
		for (String job : List.of("import-calendar", "import-accounts", "import-cash-flows", "import-repayments",
				"import-applications")) {
			Cli.Result result = run(job, "2026-11-20", "--inbox=" + DAY1);
			assertThat(result.exitCode()).as(job + ": " + result.output()).isZero();
		}
	}

	@Test
	void theSampleDayIsTakenInWhole() throws IOException {
		// when
		importDay1();

		// then every file is accepted and every detail is visible
		assertThat(this.jdbc.queryForList("SELECT DISTINCT status FROM report.import_file", String.class))
			.containsExactly("ACCEPTED");
		assertThat(count("report.cash_flow")).isEqualTo(detailCount(DAY1.resolve("cashflow_20261120.csv")));
		assertThat(count("report.repayment")).isEqualTo(detailCount(DAY1.resolve("repayment_20261120.csv")));
		assertThat(count("card.account")).isEqualTo(detailCount(DAY1.resolve("accounts_20261120.csv")));
		assertThat(count("application.application")).isEqualTo(detailCount(DAY1.resolve("applications_20261120.csv")));
		assertThat(count("application.current_watchlist"))
			.isEqualTo(detailCount(DAY1.resolve("watchlist_20261120.csv")));
		assertThat(this.jdbc.queryForObject("SELECT name FROM card.public_holiday WHERE holiday_date = '2026-11-23'",
				String.class))
			.isEqualTo("勤労感謝の日");
		// and money adds up to the trailer
		assertThat(this.jdbc.queryForObject("SELECT sum(amount) FROM report.cash_flow", Long.class))
			.isEqualTo(trailerTotal(DAY1.resolve("cashflow_20261120.csv")));
	}

	@Test
	void theContractViewsHaveTheColumnsOfTheLedgerSpec() {
		// given the schema as any command leaves it
		assertThat(this.cli.run("executions").exitCode()).isZero();

		Map<String, List<String>> contract = Map.of("import_file",
				List.of("file_name", "file_type", "business_date", "sha256", "status", "detail_count", "accepted_count",
						"rejected_count", "duplicate_count"),
				"import_reject", List.of("file_name", "line_number", "reason", "raw_line"), "cash_flow",
				List.of("transaction_id", "account_id", "type", "amount", "value_date", "business_date", "file_name"),
				"repayment",
				List.of("repayment_id", "account_id", "amount", "value_date", "business_date", "file_name"));
		contract.forEach((view, columns) -> assertThat(this.jdbc.queryForList(
				"SELECT column_name FROM information_schema.columns WHERE table_schema = 'report' AND table_name = ? ORDER BY ordinal_position",
				String.class, view))
			.as(view)
			.startsWith(columns.toArray(String[]::new)));
	}

	@Test
	void everyLineRejectReasonIsRecordedWithItsMaskedLineAndTheRestIsTakenIn() throws IOException {
		// given day 1, then the day with one bad line per reason
		importDay1();

		// when
		Cli.Result result = run("import-cash-flows", "2026-11-24", "--inbox=" + DAY2);

		// then the file is accepted with its bad lines turned away, and the line of an
		// account not in the card master yet waiting for it (files.md)
		assertThat(result.exitCode()).isZero();
		Map<String, String> rejects = rejectFile("cashflow_20261124.csv");
		assertThat(rejects).containsOnlyKeys("PAN_DETECTED", "MALFORMED", "INVALID_FIELD:amount",
				"UNSUPPORTED_CURRENCY", "ACCOUNT_CLOSED", "REFUND_WITHOUT_ORIGINAL", "VALUE_DATE_IN_FUTURE",
				"DUPLICATE_TRANSACTION", "REFUND_EXCEEDS_ORIGINAL");
		assertThat(
				this.jdbc.queryForList("SELECT file_name || ' ' || account_id FROM report.pending_line", String.class))
			.containsExactly("cashflow_20261124.csv 9999999999");
		assertThat(rejects.get("PAN_DETECTED")).contains("テスト商店 411111******1111")
			.doesNotContain("4111 1111 1111 1111");
		assertThat(rejects.get("MALFORMED")).isEqualTo("D,CF20261124X0000002,1000000005,PURCHASE,1200");
		// the database holds the same rejects, masked the same way
		assertThat(this.jdbc.queryForList(
				"SELECT reason || '=' || raw_line FROM report.import_reject WHERE file_name = 'cashflow_20261124.csv'",
				String.class))
			.containsExactlyInAnyOrderElementsOf(
					rejects.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
		// one identical re-sent line is a duplicate, not a reject; nothing bad is visible
		Map<String, Object> file = this.jdbc
			.queryForMap("SELECT * FROM report.import_file WHERE file_name = 'cashflow_20261124.csv'");
		long details = detailCount(DAY2.resolve("cashflow_20261124.csv"));
		assertThat(file).containsEntry("status", "ACCEPTED")
			.containsEntry("rejected_count", 9)
			.containsEntry("duplicate_count", 1)
			.containsEntry("pending_count", 1)
			.containsEntry("accepted_count", (int) details - 11);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM report.cash_flow WHERE business_date = '2026-11-24'",
				Long.class))
			.isEqualTo(details - 11);
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM report.cash_flow WHERE transaction_id LIKE 'CF20261124X%'", Long.class))
			.isZero();
	}

	@Test
	void aCardNumberNeverReachesATableAFileALogOrAnExitMessage() throws IOException {
		// given a day whose file carries a PAN
		importDay1();
		run("import-cash-flows", "2026-11-24", "--inbox=" + DAY2);

		// then no text column of any table holds it
		List<String> leaks = new ArrayList<>();
		for (Map<String, Object> column : this.jdbc.queryForList("""
				SELECT table_schema, table_name, column_name FROM information_schema.columns
				WHERE table_schema IN ('batch', 'card', 'payment', 'repayment', 'application')
				  AND data_type IN ('text', 'character varying', 'character')
				""")) {
			String sql = "SELECT count(*) FROM " + column.get("table_schema") + "." + column.get("table_name")
					+ " WHERE regexp_replace(" + column.get("column_name")
					+ "::text, '[ -]', '', 'g') LIKE '%4111111111111111%'";
			if (this.jdbc.queryForObject(sql, Long.class) > 0) {
				leaks.add(column.toString());
			}
		}
		assertThat(leaks).isEmpty();
		// nor the reject files, nor anything the runs printed
		try (Stream<Path> files = Files.walk(this.work)) {
			for (Path f : files.filter(Files::isRegularFile).toList()) {
				assertThat(Files.readString(f).replaceAll("[ -]", "")).as(f.toString())
					.doesNotContain("4111111111111111");
			}
		}
		assertThat(this.cli.allOutput().replaceAll("[ -]", "")).doesNotContain("4111111111111111");
		// and job metadata masks one even when a failure message quotes it
		this.jdbc.update(
				"UPDATE batch.batch_step_execution SET exit_message = 'java.lang.IllegalStateException: bad value 4111-1111-1111-1111'");
		assertThat(this.jdbc.queryForList("SELECT DISTINCT exit_message FROM batch.batch_step_execution", String.class))
			.containsExactly("java.lang.IllegalStateException: bad value 411111******1111");
	}

	@Test
	void idsAlreadyTakenInAreFoundAsTheLinesGoInAcrossChunksAndFiles() throws IOException {
		// given day 1 taken in, and a file whose ids repeat within it (chunks of two
		// lines apart) and repeat day 1's
		importDay1();
		String taken = firstDetail(DAY1.resolve("cashflow_20261120.csv"));
		String[] fields = taken.split(",", -1);
		fields[4] = String.valueOf(Long.parseLong(fields[4]) + 1);
		Path file = this.work.resolve("in/cashflow_20261124.csv");
		writeCashFlows(file, "2026-11-24", List.of(purchase("CFK1", "1000000001", 1000), // line
																							// 2
				purchase("CFK2", "1000000001", 2000), // 3
				purchase("CFK1", "1000000001", 1000), // 4: the same as line 2
				purchase("CFK3", "1000000001", 3000), // 5
				purchase("CFK2", "1000000001", 2500), // 6: id of line 3, other content
				taken, // 7: the same as day 1's line
				String.join(",", fields))); // 8: day 1's id, other amount

		// when
		Cli.Result result = run("import-cash-flows", "2026-11-24", "--input=" + file, "--chunk-size=2",
				"--max-reject-ratio=0.5");

		// then the first line of an id counts; the same content again is a duplicate,
		// other content a reject
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(rejectsIn("cashflow_20261124.csv")).containsExactly("6 DUPLICATE_TRANSACTION",
				"8 DUPLICATE_TRANSACTION");
		assertThat(this.jdbc.queryForMap(
				"SELECT accepted_count, duplicate_count, rejected_count FROM report.import_file WHERE file_name = 'cashflow_20261124.csv'"))
			.containsEntry("accepted_count", 3)
			.containsEntry("duplicate_count", 2)
			.containsEntry("rejected_count", 2);
		assertThat(this.jdbc.queryForList(
				"SELECT transaction_id || '=' || amount FROM report.cash_flow WHERE business_date = '2026-11-24' ORDER BY 1",
				String.class))
			.containsExactly("CFK1=1000", "CFK2=2000", "CFK3=3000");
		assertThat(this.jdbc.queryForObject("SELECT amount FROM report.cash_flow WHERE transaction_id = ?", Long.class,
				fields[1]))
			.isEqualTo(Long.parseLong(taken.split(",")[4]));
		// and the load step counts lines, in chunks of two: 2, 2, 2 and 1
		assertThat(this.jdbc.queryForMap("SELECT read_count, write_count, commit_count FROM batch.batch_step_execution"
				+ " WHERE step_name = 'load-cash-flows' ORDER BY step_execution_id DESC LIMIT 1"))
			.containsEntry("read_count", 7L)
			.containsEntry("write_count", 7L)
			.containsEntry("commit_count", 4L);
	}

	@Test
	void timestampsAndDatesArriveAsWritten() throws IOException {
		// given lines whose instants are written with other offsets and precisions
		importDay1();
		Path file = this.work.resolve("in/cashflow_20261124.csv");
		writeCashFlows(file, "2026-11-24", List.of(
				purchase("TS1", "1000000001", 100).replace("2026-11-20T10:00:00+09:00", "2026-11-20T23:30:00-05:00"),
				purchase("TS2", "1000000001", 200).replace("2026-11-20T10:00:00+09:00", "2026-11-20T10:00:00.123456Z"),
				purchase("TS3", "1000000001", 300).replace("2026-11-20T10:00:00+09:00",
						"2026-11-20T10:00:00.1234567+09:00")));

		// when
		Cli.Result result = run("import-cash-flows", "2026-11-24", "--input=" + file);

		// then the stored instant and value date are those of the text, to the
		// microsecond
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(this.jdbc.queryForList("""
				SELECT transaction_id || ' ' || to_char(transacted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')
				       || ' ' || value_date
				FROM report.cash_flow WHERE transaction_id LIKE 'TS%' ORDER BY 1
				""", String.class)).containsExactly("TS1 2026-11-21 04:30:00.000000 2026-11-21",
				"TS2 2026-11-20 10:00:00.123456 2026-11-20", "TS3 2026-11-20 01:00:00.123457 2026-11-20");
	}

	@Test
	void repaymentsCheckTheirAccountAndIdAsTheyLoad() throws IOException {
		// given day 1 taken in (account 1000000100 is closed)
		importDay1();
		Path file = this.work.resolve("in/repayment_20261124.csv");
		List<String> details = List.of(repayment("RPK1", "1000000001", 5000), // line 2
				repayment("RPK2", "1000000100", 3000), // 3: a closed account may repay
				repayment("RPK3", "9999999999", 1000), // 4: no such account yet: waits
														// for it
				repayment("RPK1", "1000000001", 5000), // 5: the same as line 2
				repayment("RPK2", "1000000001", 3000)); // 6: id of line 3, other account
		Files.createDirectories(file.getParent());
		Files.writeString(file, "H,RP1,2026-11-24,RP-SYSTEM,2026-11-24T01:00:00+09:00\n" + String.join("\n", details)
				+ "\nT,5,17000\n");

		// when
		Cli.Result result = run("import-repayments", "2026-11-24", "--input=" + file, "--chunk-size=2",
				"--max-reject-ratio=0.5");

		// then
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(rejectsIn("repayment_20261124.csv")).containsExactly("6 DUPLICATE_TRANSACTION");
		assertThat(this.jdbc.queryForList("SELECT line_id || ' ' || account_id FROM report.pending_line", String.class))
			.containsExactly("RPK3 9999999999");
		assertThat(this.jdbc.queryForList(
				"SELECT repayment_id || '=' || account_id FROM report.repayment WHERE business_date = '2026-11-24' ORDER BY 1",
				String.class))
			.containsExactly("RPK1=1000000001", "RPK2=1000000100");
		assertThat(this.jdbc.queryForObject(
				"SELECT duplicate_count FROM report.import_file WHERE file_name = 'repayment_20261124.csv'",
				Integer.class))
			.isEqualTo(1);
	}

	@Test
	void refundsAreHeldToTheirPurchaseWithTheRefundsAcceptedBeforeInLineOrder() throws IOException {
		// given a purchase of 10,000 and a refund of 6,000 of it, accepted on one day
		importDay1();
		Path first = this.work.resolve("in1/cashflow_20261124.csv");
		writeCashFlows(first, "2026-11-24",
				List.of(purchase("RP1", "1000000001", 10_000), refund("RR1", "1000000001", 6_000, "RP1")));
		assertThat(run("import-cash-flows", "2026-11-24", "--input=" + first).exitCode()).isZero();

		// when the next day refunds more of it, refunds a purchase of its own, and names
		// a purchase of another account
		Path second = this.work.resolve("in2/cashflow_20261125.csv");
		writeCashFlows(second, "2026-11-25", List.of(refund("RR2", "1000000001", 3_000, "RP1"), // 2:
																								// 9,000
																								// of
																								// 10,000
				refund("RR3", "1000000001", 2_000, "RP1"), // 3: 11,000: too much
				refund("RR4", "1000000001", 1_000, "RP1"), // 4: 10,000: all of it
				purchase("P5", "1000000002", 500), // 5
				refund("R6", "1000000002", 300, "P5"), // 6
				refund("R7", "1000000002", 300, "P5"), // 7: 600 of 500
				refund("R8", "1000000002", 100, "RP1"))); // 8: not this account's
															// purchase
		Cli.Result result = run("import-cash-flows", "2026-11-25", "--input=" + second, "--chunk-size=3",
				"--max-reject-ratio=0.5");

		// then
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(rejectsIn("cashflow_20261125.csv")).containsExactly("3 REFUND_EXCEEDS_ORIGINAL",
				"7 REFUND_EXCEEDS_ORIGINAL", "8 REFUND_WITHOUT_ORIGINAL");
		assertThat(this.jdbc.queryForList(
				"SELECT transaction_id FROM report.cash_flow WHERE business_date = '2026-11-25' ORDER BY 1",
				String.class))
			.containsExactly("P5", "R6", "RR2", "RR4");
	}

	@Test
	void anIdHeldByAnImportThatHasNotFinishedStopsTheLoadWithWhatToDo() throws IOException {
		// given an import of another day's file that died after loading a line with id
		// CFK1 (what a killed run leaves)
		importDay1();
		this.jdbc
			.update("""
					INSERT INTO batch.import_file (file_id, file_name, file_type, business_date, sha256, size_bytes, source_uri, status)
					VALUES (900, 'cashflow_20261123.csv', 'CASH_FLOWS', '2026-11-23', repeat('0', 64), 1, 'file:x', 'LOADING')
					""");
		this.jdbc.update("""
				INSERT INTO payment.cash_flow (file_id, line_number, transaction_id, account_id, type, amount, currency,
				                               transacted_at, value_date, merchant_name, card_last4)
				VALUES (900, 2, 'CFK1', '1000000001', 'PURCHASE', 1000, 'JPY', now(), current_date, 'x', '1234')
				""");
		Path file = this.work.resolve("in/cashflow_20261124.csv");
		writeCashFlows(file, "2026-11-24", List.of(purchase("CFK1", "1000000001", 1000)));

		// when
		Cli.Result result = run("import-cash-flows", "2026-11-24", "--input=" + file);

		// then the run fails (a rerun resumes it) and says what to do
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.output()).contains("cashflow_20261123.csv", "has not finished", "abandon");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM report.cash_flow WHERE business_date = '2026-11-24'",
				Long.class))
			.isZero();
	}

	@Test
	void aChunkWhoseReadFailsWhileItsCopyIsOpenRollsBackAndTheNextChunkGoesIn() {
		// given a migrated database, and the cash-flow table's COPY as the load step
		// drives it: lines are added as they are read, the chunk's writer ends the COPY
		assertThat(this.cli.run("executions").exitCode()).isZero();
		DataSource dataSource = this.jdbc.getDataSource();
		TransactionTemplate chunk = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		FileKind cashFlows = FileKind.named("CASH_FLOWS", "cash-flows")
			.lines(11, CashFlow.class, (fields, day) -> null)
			.into("payment.cash_flow")
			.uniqueKey("transaction_id")
			.build();
		DetailCopy copy = new DetailCopy(cashFlows, dataSource);
		DetailCopy.RowEncoder rows = copy.encoder(77);
		List<CheckedLine> first = List.of(line(rows, 2, "T-1"), line(rows, 3, "T-2"));

		// when the reader fails after two lines went into the chunk's COPY (the load
		// step cancels the COPY, then the chunk rolls back)
		assertThatThrownBy(() -> chunk.executeWithoutResult(status -> {
			first.forEach(line -> copy.add(77, line));
			copy.cancel();
			throw new IllegalStateException("the file could not be read on");
		})).hasMessage("the file could not be read on");

		// then nothing of that chunk stayed, and the next chunk goes in on the same copy
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM payment.cash_flow", Long.class)).isZero();
		List<CheckedLine> again = List.of(line(rows, 2, "T-1"), line(rows, 3, "T-2"));
		DetailCopy.Outcome outcome = chunk.execute(status -> {
			again.forEach(line -> copy.add(77, line));
			return copy.write(77, again);
		});
		assertThat(outcome.rejected()).isEmpty();
		assertThat(this.jdbc.queryForList("SELECT transaction_id FROM payment.cash_flow ORDER BY line_number",
				String.class))
			.containsExactly("T-1", "T-2");
	}

	/** The columns of {@code payment.cash_flow} after file_id and line_number. */
	record CashFlow(String transactionId, String accountId, String type, long amount, String currency,
			java.time.Instant transactedAt, java.time.LocalDate valueDate, String merchantName, String mcc,
			String cardLast4, String originalTransactionId) {

	}

	private static CheckedLine line(DetailCopy.RowEncoder rows, int lineNumber, String transactionId) {
		Object[] values = { transactionId, "1000000001", "PURCHASE", 1200L, "JPY",
				java.time.Instant.parse("2026-11-20T01:00:00Z"), java.time.LocalDate.of(2026, 11, 20), "ローソン", "5411",
				"1111", null };
		return CheckedLine.encoded(lineNumber, rows.encode(lineNumber, values), null, false, java.math.BigInteger.ZERO);
	}

	@Test
	void theSameFileAgainChangesNothingAndExitsZero() {
		// given
		importDay1();
		Map<String, String> before = Snapshot.of(this.url);
		long executions = count("batch.batch_job_execution");

		// when the same file arrives again, under its name or another one
		Path copy = this.work.resolve("cashflow_copy.csv");
		copyFile(DAY1.resolve("cashflow_20261120.csv"), copy);
		Cli.Result again = run("import-cash-flows", "2026-11-20", "--inbox=" + DAY1);
		Cli.Result renamed = run("import-cash-flows", "2026-11-20", "--input=" + copy);

		// then
		assertThat(again.exitCode()).isZero();
		assertThat(renamed.exitCode()).isZero();
		assertThat(again.output()).contains("Already done before");
		assertThat(Snapshot.of(this.url)).isEqualTo(before);
		assertThat(count("batch.batch_job_execution")).isEqualTo(executions);
	}

	@Test
	void aDifferentFileForAnAcceptedDayIsAConflictAndACorrectedFileAfterARejectionIsTaken() throws IOException {
		// given an accepted day
		importDay1();
		Map<String, String> before = Snapshot.of(this.url);
		Path different = this.work.resolve("in/cashflow_20261120.csv");
		writeCashFlows(different, "2026-11-20", List.of(purchase("CFNEW1", "1000000001", 500)));

		// when
		Cli.Result conflict = run("import-cash-flows", "2026-11-20", "--input=" + different);

		// then
		assertThat(conflict.exitCode()).isEqualTo(3);
		assertThat(fileStatus("CASH_FLOWS", "REJECTED")).containsExactly("CONFLICTING_FILE");
		assertThat(Snapshot.of(this.url).get("report.cash_flow")).isEqualTo(before.get("report.cash_flow"));
	}

	@Test
	void wholeFileRejectionsLeaveNothingVisibleAndExitThree() throws IOException {
		// given accounts to post against
		assertThat(run("import-accounts", "2026-11-20", "--inbox=" + DAY1).exitCode()).isZero();
		String header = "H,CF1,2026-11-20,PROC,2026-11-20T01:00:00+09:00";
		String good = purchase("CFA", "1000000001", 1000);
		Map<String, byte[]> cases = new java.util.LinkedHashMap<>();
		cases.put("HEADER_MISSING", utf8(good + "\nT,1,1000\n"));
		cases.put("BUSINESS_DATE_MISMATCH",
				utf8("H,CF1,2026-11-19,PROC,2026-11-19T01:00:00+09:00\n" + good + "\nT,1,1000\n"));
		cases.put("TRAILER_MISSING", utf8(header + "\n" + good + "\n"));
		cases.put("TRAILER_COUNT_MISMATCH", utf8(header + "\n" + good + "\nT,2,1000\n"));
		cases.put("TRAILER_TOTAL_MISMATCH", utf8(header + "\n" + good + "\nT,1,999\n"));
		cases.put("EMPTY_FILE", new byte[0]);
		cases.put("NOT_UTF8",
				(header + "\n" + purchase("CFA", "1000000001", 1000).replace("ローソン", "ローソン") + "\nT,1,1000\n")
					.getBytes(Charset.forName("Windows-31J")));
		cases.put("REJECT_RATIO_EXCEEDED", utf8(header + "\n" + good + "\n"
				+ purchase("CFB", "1000000001", 1000).replace(",JPY,", ",USD,") + "\nT,2,2000\n"));
		int n = 0;
		for (Map.Entry<String, byte[]> c : cases.entrySet()) {
			Path file = this.work.resolve("bad" + (n++) + "/cashflow_20261120.csv");
			Files.createDirectories(file.getParent());
			Files.write(file, c.getValue());

			Cli.Result result = run("import-cash-flows", "2026-11-20", "--input=" + file);

			assertThat(result.exitCode()).as(c.getKey()).isEqualTo(3);
			assertThat(result.output()).as(c.getKey()).contains(c.getKey());
			assertThat(count("report.cash_flow")).as(c.getKey()).isZero();
			assertThat(count("payment.cash_flow")).as(c.getKey()).isZero();
		}
		assertThat(this.jdbc.queryForList("SELECT reject_reason FROM report.import_file WHERE file_type = 'CASH_FLOWS'",
				String.class))
			.containsExactlyInAnyOrderElementsOf(cases.keySet());

		// when a corrected file follows
		Path corrected = this.work.resolve("fixed/cashflow_20261120.csv");
		writeCashFlows(corrected, "2026-11-20", List.of(good));
		Cli.Result fixed = run("import-cash-flows", "2026-11-20", "--input=" + corrected);

		// then it is taken
		assertThat(fixed.exitCode()).isZero();
		assertThat(count("report.cash_flow")).isEqualTo(1);
	}

	@Test
	void anAccountAboveTheRateCapIsRejectedByItsLine() throws IOException {
		Path file = this.work.resolve("accounts_20261120.csv");
		Files.writeString(file, """
				H,ACC1,2026-11-20,CARD,2026-11-20T01:00:00+09:00
				D,1000000001,CUS1,ACTIVE,2020-01-01,REVOLVING,500000,500000,15.00,18.00,31,27
				D,1000000002,CUS2,ACTIVE,2020-01-01,REVOLVING,500000,500000,15.00,18.50,31,27
				T,2,1000000
				""");

		Cli.Result result = run("import-accounts", "2026-11-20", "--input=" + file, "--max-reject-ratio=0.5");

		assertThat(result.exitCode()).isZero();
		assertThat(this.jdbc.queryForList("SELECT account_id FROM card.account", String.class))
			.containsExactly("1000000001");
		assertThat(this.jdbc.queryForObject("SELECT reason FROM report.import_reject", String.class))
			.isEqualTo("INTEREST_RATE_CAP_EXCEEDED");
	}

	@Test
	void operatorMistakesGetTheirExitCodes() {
		assertThat(run("import-cash-flows", "2026-11-20", "--inbox=" + this.work.resolve("empty")).exitCode())
			.as("missing input")
			.isEqualTo(4);
		assertThat(run("import-everything", "2026-11-20", "--inbox=" + DAY1).exitCode()).as("unknown job").isEqualTo(2);
		assertThat(run("import-cash-flows", "2026-11-31", "--inbox=" + DAY1).exitCode()).as("bad date").isEqualTo(2);
		assertThat(run("import-cash-flows", "20261120x", "--inbox=" + DAY1).exitCode()).as("bad date").isEqualTo(2);
		assertThat(this.cli.run("run", "import-cash-flows").exitCode()).as("no date").isEqualTo(2);
	}

	@Test
	void eachInvocationIsRecordedAsATaskWithItsExitCode() throws IOException {
		run("import-accounts", "2026-11-20", "--inbox=" + DAY1);
		Path conflict = this.work.resolve("c/accounts_20261120.csv");
		Files.createDirectories(conflict.getParent());
		Files.writeString(conflict, "H,ACC1,2026-11-20,CARD,2026-11-20T01:00:00+09:00\nT,0,0\n");
		run("import-accounts", "2026-11-20", "--input=" + conflict);

		assertThat(this.jdbc.queryForList(
				"SELECT task_name || ':' || exit_code FROM batch.task_execution ORDER BY task_execution_id",
				String.class))
			.containsExactly("import-accounts:0", "import-accounts:3");
		assertThat(count("batch.task_task_batch")).isEqualTo(2);
	}

	// --- helpers

	static String purchase(String id, String account, long amount) {
		return "D," + id + "," + account + ",PURCHASE," + amount + ",JPY,2026-11-20T10:00:00+09:00,ローソン 品川店,5411,1234,";
	}

	static String refund(String id, String account, long amount, String original) {
		return "D," + id + "," + account + ",REFUND," + amount + ",JPY,2026-11-20T12:00:00+09:00,ローソン 品川店,5411,1234,"
				+ original;
	}

	static String repayment(String id, String account, long amount) {
		return "D," + id + "," + account + "," + amount + ",2026-11-24T09:00:00+09:00,ATM,CVS00001";
	}

	private static String firstDetail(Path file) throws IOException {
		try (Stream<String> lines = Files.lines(file)) {
			return lines.filter(l -> l.startsWith("D,")).findFirst().orElseThrow();
		}
	}

	static void writeCashFlows(Path file, String date, List<String> details) throws IOException {
		long total = details.stream().mapToLong(d -> Long.parseLong(d.split(",")[4])).sum();
		Files.createDirectories(file.getParent());
		Files.writeString(file, "H,CF1," + date + ",PROC," + date + "T01:00:00+09:00\n" + String.join("\n", details)
				+ "\nT," + details.size() + "," + total + "\n");
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static void copyFile(Path from, Path to) {
		try {
			Files.copy(from, to);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private long count(String relation) {
		return this.jdbc.queryForObject("SELECT count(*) FROM " + relation, Long.class);
	}

	private List<String> fileStatus(String type, String status) {
		return this.jdbc.queryForList("SELECT reject_reason FROM report.import_file WHERE file_type = ? AND status = ?",
				String.class, type, status);
	}

	/** "line reason" of a file's rejects, in line order. */
	private List<String> rejectsIn(String fileName) {
		return this.jdbc.queryForList(
				"SELECT line_number || ' ' || reason FROM report.import_reject WHERE file_name = ? ORDER BY line_number",
				String.class, fileName);
	}

	private Map<String, String> rejectFile(String fileName) throws IOException {
		Path file = this.work.resolve("out/rejects/" + fileName + ".rejects.csv");
		try (CSVReader reader = new CSVReader(Files.newBufferedReader(file))) {
			List<String[]> rows = reader.readAll();
			assertThat(rows.get(0)).containsExactly("line_number", "reason", "raw_line");
			return rows.stream().skip(1).collect(Collectors.toMap(r -> r[1], r -> r[2]));
		}
		catch (com.opencsv.exceptions.CsvException ex) {
			throw new IOException(ex);
		}
	}

	static long detailCount(Path file) throws IOException {
		String[] trailer = lastLine(file).split(",");
		return Long.parseLong(trailer[1]);
	}

	static long trailerTotal(Path file) throws IOException {
		return Long.parseLong(lastLine(file).split(",")[2]);
	}

	private static String lastLine(Path file) throws IOException {
		List<String> lines = Files.readAllLines(file);
		return lines.get(lines.size() - 1);
	}

}
