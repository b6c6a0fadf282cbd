package jp.settlementbatch.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.Callable;

import jp.settlementbatch.day.DayRun;
import jp.settlementbatch.day.JobResult;
import jp.settlementbatch.support.batch.ExitCode;
import jp.settlementbatch.support.batch.JobRuns;
import jp.settlementbatch.support.files.FileStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code settlement-batch demo}: the sample days end to end on the embedded database,
 * from nothing. Running it again shows that every job is a no-op the second time.
 */
@Command(name = "demo",
		description = "Run the sample days end to end on the embedded PostgreSQL and show what happened.")
class DemoCommand implements Callable<Integer> {

	/** The sample days: a Friday, a weekend, a public holiday (23 Nov) and a Tuesday. */
	static final LocalDate FIRST = LocalDate.of(2026, 11, 20);

	static final LocalDate LAST = LocalDate.of(2026, 11, 24);

	@Mixin
	CommonOptions common;

	@Override
	public Integer call() throws IOException {
		if ("auto".equals(this.common.logFormat)) {
			// the demo is for a person, wherever its output goes
			this.common.logFormat = "text";
		}
		Path home = Path.of(this.common.home).toAbsolutePath();
		Path inbox = home.resolve("demo/inbox");
		Path outbox = home.resolve("demo/outbox");
		extractSampleFiles(inbox);
		System.out.println("settlement-batch demo: the sample days " + FIRST + " to " + LAST
				+ " on the embedded PostgreSQL under " + home.resolve("pgdata"));
		return Platform.run(this.common, "demo", new String[] { "demo" }, Map.of(), platform -> {
			DayRun day = new DayRun(platform.bean(JobRuns.class), platform.bean(FileStore.class),
					platform.bean(JdbcTemplate.class));
			String days = inbox.resolve("{date}").toString();
			int worst = 0;
			for (LocalDate date = FIRST; date != null; date = day.nextRunDate(date, LAST)) {
				System.out.println("\n== run date " + date + " (" + date.getDayOfWeek() + ")");
				DayRun.Reported reported = day.runAndReport(date, days, outbox.toString(), 0.01, 0);
				for (JobResult result : reported.results()) {
					String job = result.job() + (result.late(date) ? " " + result.date() : "");
					if (result.skipped()) {
						System.out.printf("  %-26s skipped (%s)%n", job, result.note());
						continue;
					}
					System.out.printf("  %-26s exit %d  %s%n", job, result.outcome().exitCode().code(), result.note());
					worst = Math.max(worst, result.exitCode(date));
				}
				reported.manifest().attention().forEach(line -> System.out.println("  ATTENTION: " + line));
			}
			printWhatHappened(platform.bean(JdbcTemplate.class), outbox);
			return worst == ExitCode.COMPLETED.code() ? 0 : worst;
		});
	}

	private static void extractSampleFiles(Path inbox) throws IOException {
		for (Resource resource : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:sample-files/*/*")) {
			String url = resource.getURL().toString();
			String[] parts = url.substring(url.lastIndexOf("sample-files/") + "sample-files/".length()).split("/");
			if (parts.length != 2 || parts[1].isEmpty()) {
				continue; // a folder entry
			}
			Path target = inbox.resolve(parts[0]).resolve(parts[1]);
			Files.createDirectories(target.getParent());
			try (InputStream in = resource.getInputStream()) {
				Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
	}

	private static void printWhatHappened(JdbcTemplate jdbc, Path outbox) {
		System.out.println("\n== what the batch holds now");
		jdbc.query(
				"""
						SELECT business_date, file_name, status, coalesce(accepted_count, 0) AS accepted,
						       coalesce(rejected_count, 0) AS rejected, coalesce(duplicate_count, 0) AS duplicates, reject_reason
						FROM report.import_file ORDER BY business_date, file_id
						""",
				rs -> {
					System.out.printf("  %s  %-28s %-9s accepted %,6d  rejected %,4d  duplicates %,4d%s%n",
							rs.getDate(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
							rs.getLong(6), rs.getString(7) == null ? "" : "  (" + rs.getString(7) + ")");
				});
		System.out.println("\n  rejected lines by reason (report.import_reject):");
		jdbc.query("SELECT reason, count(*) FROM report.import_reject GROUP BY reason ORDER BY reason", rs -> {
			System.out.printf("    %-28s %,d%n", rs.getString(1), rs.getLong(2));
		});
		Long cashFlows = jdbc.queryForObject("SELECT count(*) FROM report.cash_flow", Long.class);
		Long repayments = jdbc.queryForObject("SELECT count(*) FROM report.repayment", Long.class);
		System.out.printf("%n  visible cash flows %,d, repayments %,d%n", cashFlows, repayments);
		System.out.println("\n  the ledger (report views):");
		jdbc.query("""
				SELECT (SELECT count(*) FROM report.account_position) AS accounts,
				       (SELECT count(*) FROM report.ledger_check WHERE difference <> 0) AS out_of_balance,
				       (SELECT count(*) FROM report.statement) AS statements,
				       (SELECT coalesce(sum(interest), 0) FROM report.statement) AS interest,
				       (SELECT coalesce(sum(late_charges), 0) FROM report.statement) AS late_charges,
				       (SELECT count(*) FROM report.repayment_allocation) AS allocations,
				       (SELECT count(*) FROM report.daily_accrual) AS accruals,
				       (SELECT coalesce(sum(accrued_interest), 0) FROM report.account_position) AS accrued""", rs -> {
			System.out.printf("    accounts with a ledger %,d (out of balance: %d)%n", rs.getLong("accounts"),
					rs.getLong("out_of_balance"));
			System.out.printf("    statements closed      %,d (interest posted ¥%,d, late charges ¥%,d)%n",
					rs.getLong("statements"), rs.getLong("interest"), rs.getLong("late_charges"));
			System.out.printf("    repayments allocated   %,d%n", rs.getLong("allocations"));
			System.out.printf("    daily accruals         %,d (interest accrued, not yet posted: ¥%,.2f)%n",
					rs.getLong("accruals"), rs.getBigDecimal("accrued"));
		});
		String day = LAST.format(DateTimeFormatter.BASIC_ISO_DATE);
		System.out.printf("    interest notices       %,d (%s)%n",
				lines(outbox.resolve("notifications/interest_" + day + ".jsonl")),
				outbox.resolve("notifications/interest_" + day + ".jsonl"));
		System.out.printf("    applications listed    %,d (%s)%n",
				Math.max(0, lines(outbox.resolve("credit-review/credit_review_" + day + ".csv")) - 1),
				outbox.resolve("credit-review/credit_review_" + day + ".csv"));
		System.out.println();
		System.out.println("  reject files:   " + outbox.resolve("rejects"));
		System.out.println("  job history:    settlement-batch executions");
		System.out.println("  console:        settlement-batch console --outbox=" + outbox
				+ "  (read-only, http://127.0.0.1:8686/)");
		System.out.println("  run it again:   every job is a no-op the second time (exit 0).");
		System.out.println();
		System.out.println("  the day report of " + LAST + ", to open in a browser (no network needed):");
		System.out.println("    " + outbox.resolve("reports/daily_" + day + ".html").toUri());
	}

	/** Lines in a local output file (CRLF or LF); 0 when it is not there. */
	private static long lines(Path file) {
		try (var lines = Files.lines(file)) {
			return lines.count();
		}
		catch (IOException | UncheckedIOException ex) {
			return 0;
		}
	}

}
