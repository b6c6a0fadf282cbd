package jp.settlementbatch.day;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jp.settlementbatch.day.DayRun.JobResult;
import jp.settlementbatch.support.files.FileStore;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code <outbox>/reports/daily_YYYYMMDD.json}: what each job of the run did, and the
 * run's file {@link Manifest}.
 */
public final class DayReport {

	private DayReport() {
	}

	public static String write(FileStore store, JdbcTemplate jdbc, String outbox, LocalDate runDate,
			List<JobResult> results, Manifest manifest) throws IOException {
		List<Map<String, Object>> jobs = new ArrayList<>();
		for (JobResult result : results) {
			Map<String, Object> job = new LinkedHashMap<>();
			job.put("job", result.job());
			if (result.late(runDate)) {
				job.put("late_file_date", result.date().toString());
			}
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
		report.put("business_date", runDate.toString());
		report.put("jobs", jobs);
		report.put("manifest", manifest.toJson());
		byte[] bytes = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(report);
		String target = FileStore.resolve(outbox, "reports",
				"daily_" + runDate.format(DateTimeFormatter.BASIC_ISO_DATE) + ".json");
		store.write(target, out -> out.write(bytes));
		return target;
	}

}
