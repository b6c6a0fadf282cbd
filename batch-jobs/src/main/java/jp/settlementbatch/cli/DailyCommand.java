package jp.settlementbatch.cli;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;

import jp.settlementbatch.day.DayRun;
import jp.settlementbatch.day.JobResult;
import jp.settlementbatch.support.batch.JobRuns;
import jp.settlementbatch.support.files.FileStore;
import jp.settlementbatch.support.progress.LogContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code settlement-batch daily}: the jobs of the daily workflow for one run date, or for
 * every run date up to {@code --through} (jobs.json's run-date rule: every calendar date
 * by default), in the order of the state machine ({@link DayRun}). Stops at the first job
 * that does not complete; running it again resumes there and is a no-op for what
 * completed. Writes {@code reports/daily_YYYYMMDD.json} per date, with its file manifest.
 */
@Command(name = "daily", description = "Run the daily workflow locally for a business date (or a range of them).")
class DailyCommand implements Callable<Integer> {

	@Option(names = "--through", paramLabel = "YYYY-MM-DD",
			description = "Also run every later run date up to this one (every calendar date, unless jobs.json says business days).")
	String through;

	@Option(names = "--partitions", defaultValue = "0",
			description = "Run each partitioned job as this many partitions, one after another (default: unpartitioned).")
	int partitions;

	@Mixin
	DayOptions day;

	@Mixin
	ToleranceOptions tolerance;

	@Mixin
	CommonOptions common;

	@Override
	public Integer call() {
		LocalDate from = this.day.date();
		LocalDate to = this.through == null ? from : Jobs.businessDate(this.through);
		LogContext.command("daily", from, null);
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("--through must not be before --business-date.");
		}
		if (this.day.inbox == null) {
			throw new IllegalArgumentException("Say where the files are: --inbox=URI (or SETTLEMENT_INBOX).");
		}
		FileStore.requireWritableOutbox(this.day.outbox);
		return Platform.run(this.common, "daily", new String[] { "daily", "--business-date=" + this.day.businessDate },
				this.tolerance.properties(),
				platform -> GracefulStop.around(platform, this.common.json(), () -> runDays(platform, from, to)));
	}

	/**
	 * Each run date in turn, until one does not complete (a SIGTERM or Ctrl-C stops the
	 * running job at a chunk boundary, and so the days).
	 */
	private int runDays(Platform platform, LocalDate from, LocalDate to) throws IOException {
		DayRun day = new DayRun(platform.bean(JobRuns.class), platform.bean(FileStore.class),
				platform.bean(JdbcTemplate.class));
		int exit = 0;
		LocalDate date = from;
		while (date != null && exit == 0) {
			LogContext.put(LogContext.BUSINESS_DATE, date.toString());
			LocalDate runDate = date;
			DayRun.Reported reported = day.runAndReport(date, this.day.inbox, this.day.outbox,
					this.tolerance.maxRejectRatio, this.partitions,
					result -> print(runDate, result, this.common.json()));
			for (JobResult result : reported.results()) {
				exit = Math.max(exit, result.exitCode(date));
			}
			if (this.common.json()) {
				FilesCommand.logManifest(reported.manifest());
			}
			else {
				System.out.println(date + "  files:");
				reported.manifest().lines().forEach(System.out::println);
			}
			// the holiday calendar may come with the first date: the next date is decided
			// now
			date = day.nextRunDate(date, to);
		}
		return exit;
	}

	/**
	 * A job's line, as soon as it ends: on a terminal a line of stdout, in JSON one
	 * {@code job_result} event.
	 */
	private static void print(LocalDate date, JobResult result, boolean json) {
		if (json) {
			org.slf4j.LoggerFactory.getLogger(DailyCommand.class)
				.atInfo()
				.addKeyValue("event", "job_result")
				.addKeyValue("result_of", result.job())
				.addKeyValue("file_date", result.late(date) ? result.date().toString() : null)
				.addKeyValue("exit_code", result.skipped() ? null : result.outcome().exitCode().code())
				.addKeyValue("skipped", result.skipped())
				.log("{}: {}", result.job(), result.skipped() ? "skipped (" + result.note() + ")"
						: "exit " + result.outcome().exitCode().code() + "  " + result.note());
			return;
		}
		System.out.printf("%s  %-32s %s%n", date, result.job() + (result.late(date) ? " " + result.date() : ""),
				result.skipped() ? "skipped (" + result.note() + ")"
						: "exit " + result.outcome().exitCode().code() + "  " + result.note());
		System.out.flush();
	}

}
