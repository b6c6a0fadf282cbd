package jp.settlementbatch.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import jp.settlementbatch.day.DayReport;
import jp.settlementbatch.day.Inbox;
import jp.settlementbatch.day.Manifest;
import jp.settlementbatch.support.batch.ExitCode;
import jp.settlementbatch.support.config.Settings;
import jp.settlementbatch.support.files.FileStore;
import jp.settlementbatch.support.progress.EmbeddedMetrics;
import jp.settlementbatch.support.progress.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

	private static final Logger log = LoggerFactory.getLogger(FilesCommand.class);

	@Option(names = "--report",
			description = "Also write <outbox>/reports/daily_YYYYMMDD.json with the manifest (the state machine's last step).")
	boolean report;

	@Mixin
	DayOptions day;

	@Mixin
	CommonOptions common;

	/**
	 * The manifest as events: one per file, one per thing to act on (CloudWatch Logs can
	 * query them).
	 */
	static void logManifest(Manifest manifest) {
		for (Manifest.Entry entry : manifest.files()) {
			log.atInfo()
				.addKeyValue("event", "file")
				.addKeyValue("file", entry.file())
				.addKeyValue("date", entry.date().toString())
				.addKeyValue("status", entry.status())
				.addKeyValue("late", entry.late())
				.addKeyValue("expected", entry.expected())
				.addKeyValue("accepted", entry.accepted())
				.addKeyValue("rejected", entry.rejected())
				.addKeyValue("duplicates", entry.duplicates())
				.addKeyValue("pending", entry.pending())
				.log("{} {}", entry.file(), entry.status());
		}
		manifest.rejectsByReason()
			.forEach((file,
					reasons) -> reasons.forEach((reason, count) -> log.atInfo()
						.addKeyValue("event", "file_rejects")
						.addKeyValue("file", file)
						.addKeyValue("reason", reason)
						.addKeyValue("count", count)
						.log("{}: {} lines rejected as {}", file, count, reason)));
		log.atInfo()
			.addKeyValue("event", "control_totals")
			.addKeyValue("balanced", manifest.controlTotals().attention().isEmpty())
			.log("Control totals {}", manifest.controlTotals().attention().isEmpty() ? "balance" : "do not balance");
		for (String line : manifest.attention()) {
			log.atWarn().addKeyValue("event", "file_attention").log(line);
		}
		EmbeddedMetrics.emit(System.out, java.util.Map.of("job", "day"), manifest.metrics());
	}

	@Override
	public Integer call() {
		LocalDate date = this.day.date();
		LogContext.command("files", date, null);
		FileStore files = FileStore.of(Settings.fromEnvironment());
		Inbox inbox = new Inbox(files, this.day.inbox);
		if (this.report) {
			FileStore.requireWritableOutbox(this.day.outbox);
		}
		return Platform.run(this.common, "files", new String[] { "files", "--business-date=" + this.day.businessDate },
				Map.of(), platform -> {
					JdbcTemplate jdbc = platform.bean(JdbcTemplate.class);
					Manifest manifest = Manifest.of(jdbc, inbox, date);
					String written = this.report ? DayReport.write(files, jdbc, this.day.outbox, date, null, manifest)
							: null;
					if (this.common.json()) {
						logManifest(manifest);
					}
					else {
						System.out.println("Files of " + date + " (" + inbox.location() + "):");
						manifest.lines().forEach(System.out::println);
						if (written != null) {
							System.out.println("Written to " + written);
						}
					}
					return manifest.attention().isEmpty() ? ExitCode.COMPLETED.code() : ExitCode.INPUT_REJECTED.code();
				});
	}

}
