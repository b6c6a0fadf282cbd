package jp.settlementbatch.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import jp.settlementbatch.day.DayReport;
import jp.settlementbatch.day.Inbox;
import jp.settlementbatch.day.Manifest;
import jp.settlementbatch.support.batch.ExitCode;
import jp.settlementbatch.support.files.FileStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code settlement-batch files --business-date=D}: the file manifest of a run date
 * ({@link Manifest}). Exit 0 when nothing needs an operator, 3 when something does (a
 * missing expected file, a rejected file, a file left untaken): the state machine's last
 * step runs it with {@code --report} and alerts on exit 3.
 */
@Command(name = "files",
		description = "Show the files of a run date: expected, received, accepted, rejected, missing or late, and what no run took in.")
class FilesCommand implements Callable<Integer> {

	@Option(names = "--business-date", required = true, paramLabel = "YYYY-MM-DD",
			description = "The run date (Asia/Tokyo), 2026-11-20 or 20261120.")
	String businessDate;

	@Option(names = "--inbox", paramLabel = "URI", defaultValue = "${env:SETTLEMENT_INBOX}",
			description = "Where the inbound files are; {date} stands for the date (e.g. sample-files/{date}).")
	String inbox;

	@Option(names = "--outbox", paramLabel = "URI", defaultValue = "${env:SETTLEMENT_OUTBOX:-out}")
	String outbox;

	@Option(names = "--report",
			description = "Also write <outbox>/reports/daily_YYYYMMDD.json with the manifest (the state machine's last step).")
	boolean report;

	@Mixin
	CommonOptions common;

	@Override
	public Integer call() {
		LocalDate date = Jobs.businessDate(this.businessDate);
		FileStore files = FileStore.fromEnvironment(System.getenv("SETTLEMENT_OUTBOX_KMS_KEY_ID"));
		Inbox inbox = new Inbox(files, this.inbox);
		if (this.report) {
			FileStore.requireWritableOutbox(this.outbox);
		}
		return Platform.run(this.common, "files", new String[] { "files", "--business-date=" + this.businessDate },
				Map.of(), platform -> {
					JdbcTemplate jdbc = platform.bean(JdbcTemplate.class);
					Manifest manifest = Manifest.of(jdbc, files, inbox, date);
					System.out.println("Files of " + date + " (" + inbox.location() + "):");
					manifest.lines().forEach(System.out::println);
					if (this.report) {
						System.out.println(
								"Written to " + DayReport.write(files, jdbc, this.outbox, date, List.of(), manifest));
					}
					return manifest.attention().isEmpty() ? ExitCode.COMPLETED.code() : ExitCode.INPUT_REJECTED.code();
				});
	}

}
