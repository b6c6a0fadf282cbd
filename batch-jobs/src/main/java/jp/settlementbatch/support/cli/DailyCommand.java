package jp.settlementbatch.support.cli;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jp.settlementbatch.support.batch.JobRuns;
import jp.settlementbatch.support.cli.DayRun.JobResult;
import jp.settlementbatch.support.files.FileStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code settlement-batch daily}: the jobs of the daily workflow for one business date,
 * or for every business date up to {@code --through}, in the order of the state machine
 * (step-functions/jobs.json; a test keeps them equal). Stops at the first job that does
 * not complete; running it again resumes there and is a no-op for what completed. Writes
 * {@code reports/daily_YYYYMMDD.json} per day.
 */
@Command(name = "daily", description = "Run the daily workflow locally for a business date (or a range of them).")
class DailyCommand implements Callable<Integer> {

	@Option(names = "--business-date", required = true, paramLabel = "YYYY-MM-DD",
			description = "The business date (Asia/Tokyo), 2026-11-20 or 20261120.")
	String businessDate;

	@Option(names = "--through", paramLabel = "YYYY-MM-DD",
			description = "Also run every later business date up to this one (weekends and holidays are not business dates).")
	String through;

	@Option(names = "--inbox", paramLabel = "URI", defaultValue = "${env:SETTLEMENT_INBOX}",
			description = "Where the day's files are; {date} stands for the business date (e.g. sample-files/{date}).")
	String inbox;

	@Option(names = "--outbox", paramLabel = "URI", defaultValue = "${env:SETTLEMENT_OUTBOX:-out}")
	String outbox;

	@Option(names = "--partitions", defaultValue = "0",
			description = "Run each partitioned job as this many partitions, one after another (default: unpartitioned).")
	int partitions;

	@Option(names = "--max-reject-ratio", defaultValue = "0.01")
	double maxRejectRatio;

	@Mixin
	CommonOptions common;

	@Override
	public Integer call() {
		LocalDate from = Jobs.businessDate(this.businessDate);
		LocalDate to = this.through == null ? from : Jobs.businessDate(this.through);
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("--through must not be before --business-date.");
		}
		if (this.inbox == null) {
			throw new IllegalArgumentException("Say where the files are: --inbox=URI (or SETTLEMENT_INBOX).");
		}
		FileStore.requireWritableOutbox(this.outbox);
		return Platform.run(this.common, "daily", new String[] { "daily", "--business-date=" + this.businessDate },
				Map.of(),
				platform -> GracefulStop.around(platform, this.common.json(), () -> runDays(platform, from, to)));
	}

	/**
	 * Each business date in turn, until one does not complete (a SIGTERM or Ctrl-C stops
	 * the running job at a chunk boundary, and so the days).
	 */
	private int runDays(Platform platform, LocalDate from, LocalDate to) throws IOException {
		DayRun day = new DayRun(platform.bean(JobRuns.class), platform.bean(FileStore.class));
		JdbcTemplate jdbc = platform.bean(JdbcTemplate.class);
		int exit = 0;
		for (LocalDate date = from; !date.isAfter(to) && exit == 0; date = date.plusDays(1)) {
			if (!date.equals(from) && !isBusinessDay(jdbc, date)) {
				continue;
			}
			List<JobResult> results = day.run(date, this.inbox, this.outbox, this.maxRejectRatio, this.partitions);
			writeReport(platform, jdbc, date, results);
			for (JobResult result : results) {
				if (!result.skipped()) {
					exit = Math.max(exit, result.outcome().exitCode().code());
				}
				System.out.printf("%s  %-32s %s%n", date, result.job(),
						result.skipped() ? "skipped (" + result.note() + ")"
								: "exit " + result.outcome().exitCode().code() + "  " + result.note());
			}
		}
		return exit;
	}

	static boolean isBusinessDay(JdbcTemplate jdbc, LocalDate date) {
		if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
			return false;
		}
		Long holidays = jdbc.queryForObject("SELECT count(*) FROM card.public_holiday WHERE holiday_date = ?",
				Long.class, date);
		return holidays == null || holidays == 0;
	}

	private void writeReport(Platform platform, JdbcTemplate jdbc, LocalDate date, List<JobResult> results)
			throws IOException {
		List<Map<String, Object>> jobs = new ArrayList<>();
		for (JobResult result : results) {
			Map<String, Object> job = new LinkedHashMap<>();
			job.put("job", result.job());
			if (result.skipped()) {
				job.put("status", "SKIPPED");
				job.put("reason", result.note());
				jobs.add(job);
				continue;
			}
			JobExecution execution = result.outcome().execution();
			job.put("status", execution == null ? "NOT_STARTED" : execution.getStatus().name());
			job.put("exit_code", result.outcome().exitCode().code());
			job.put("message", result.outcome().message());
			if (execution != null) {
				job.put("job_execution_id", execution.getId());
				job.put("read", execution.getStepExecutions().stream().mapToLong(s -> s.getReadCount()).sum());
				job.put("written", execution.getStepExecutions().stream().mapToLong(s -> s.getWriteCount()).sum());
				if (execution.getStartTime() != null && execution.getEndTime() != null) {
					job.put("seconds",
							Duration.between(execution.getStartTime(), execution.getEndTime()).toMillis() / 1000.0);
				}
				job.put("files", jdbc.queryForList("""
						SELECT file_name, status, detail_count, accepted_count, rejected_count, duplicate_count,
						       amount_total, reject_reason
						FROM batch.import_file WHERE job_instance_id = ? ORDER BY file_id
						""", execution.getJobInstance().getInstanceId()));
			}
			jobs.add(job);
		}
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("business_date", date.toString());
		report.put("jobs", jobs);
		byte[] bytes = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(report);
		platform.bean(FileStore.class)
			.write(FileStore.resolve(this.outbox, "reports",
					"daily_" + date.format(DateTimeFormatter.BASIC_ISO_DATE) + ".json"), out -> out.write(bytes));
	}

}
