package jp.settlementbatch.day;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jp.settlementbatch.day.JobResult;
import jp.settlementbatch.support.batch.ExitCode;
import jp.settlementbatch.support.files.FileStore;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code <outbox>/reports/daily_YYYYMMDD.json}: what each job of the run did (and, when
 * it stopped, where and why), and the run's file {@link Manifest}. Written on every
 * outcome of the day.
 */
public final class DayReport {

	private DayReport() {
	}

	/**
	 * Writes the report of {@code runDate}. {@code results} are the jobs this process
	 * ran; null when it ran none (the state machine's last step), and the report then
	 * says what the job metadata holds of the date: every job instance of it with its
	 * latest execution.
	 */
	public static String write(FileStore store, JdbcTemplate jdbc, String outbox, LocalDate runDate,
			List<JobResult> results, Manifest manifest) throws IOException {
		List<Map<String, Object>> jobs = results == null ? recorded(jdbc, runDate) : ran(jdbc, runDate, results);
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("business_date", runDate.toString());
		report.put("jobs", jobs);
		report.put("manifest", manifest.toJson());
		report.put("reject_samples", rejectSamples(jdbc, runDate));
		ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
		byte[] bytes = json.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(report);
		String name = "daily_" + runDate.format(DateTimeFormatter.BASIC_ISO_DATE);
		String target = FileStore.resolve(outbox, "reports", name + ".json");
		store.write(target, out -> out.write(bytes));
		byte[] page = DayPage.render(json.readTree(bytes), Trend.of(jdbc, runDate)).getBytes(StandardCharsets.UTF_8);
		store.write(FileStore.resolve(outbox, "reports", name + ".html"), out -> out.write(page));
		ControlTotals.record(jdbc, runDate);
		return target;
	}

	/** The jobs of the run date as the job metadata has them, in the order they ran. */
	public static List<Map<String, Object>> recorded(JdbcTemplate jdbc, LocalDate runDate) {
		List<Map<String, Object>> jobs = new ArrayList<>();
		jdbc.query(
				"""
						SELECT * FROM (
						  SELECT DISTINCT ON (i.job_instance_id) i.job_name, e.job_execution_id, e.status, e.exit_code,
						         e.exit_message, e.start_time, e.end_time, bd.parameter_value AS business_date,
						         (SELECT p.parameter_value FROM batch.batch_job_execution_params p
						          WHERE p.job_execution_id = e.job_execution_id AND p.parameter_name = 'partition') AS partition,
						         (SELECT coalesce(sum(s.read_count), 0) FROM batch.batch_step_execution s
						          WHERE s.job_execution_id = e.job_execution_id) AS read_count,
						         (SELECT coalesce(sum(s.write_count), 0) FROM batch.batch_step_execution s
						          WHERE s.job_execution_id = e.job_execution_id) AS write_count,
						         i.job_instance_id
						  FROM batch.batch_job_instance i
						  JOIN batch.batch_job_execution e ON e.job_instance_id = i.job_instance_id
						  JOIN batch.batch_job_execution_params bd
						    ON bd.job_execution_id = e.job_execution_id AND bd.parameter_name = 'business.date'
						  LEFT JOIN batch.batch_job_execution_params rd
						    ON rd.job_execution_id = e.job_execution_id AND rd.parameter_name = 'run.date'
						  WHERE coalesce(rd.parameter_value, bd.parameter_value) = ?
						  ORDER BY i.job_instance_id, e.job_execution_id DESC) latest
						ORDER BY job_execution_id""",
				rs -> {
					Map<String, Object> job = new LinkedHashMap<>();
					job.put("job", rs.getString("job_name")
							+ (rs.getString("partition") == null ? "" : " " + rs.getString("partition")));
					if (!runDate.toString().equals(rs.getString("business_date"))) {
						job.put("late_file_date", rs.getString("business_date"));
					}
					job.put("status",
							"REJECTED".equals(rs.getString("exit_code")) ? "REJECTED" : rs.getString("status"));
					job.put("exit_status", rs.getString("exit_code"));
					job.put("message", said(rs.getString("exit_message")));
					job.put("job_execution_id", rs.getLong("job_execution_id"));
					job.put("read", rs.getLong("read_count"));
					job.put("written", rs.getLong("write_count"));
					if (rs.getTimestamp("start_time") != null) {
						job.put("started", rs.getTimestamp("start_time").toLocalDateTime().toString());
					}
					if (rs.getTimestamp("start_time") != null && rs.getTimestamp("end_time") != null) {
						job.put("seconds",
								Duration
									.between(rs.getTimestamp("start_time").toInstant(),
											rs.getTimestamp("end_time").toInstant())
									.toMillis() / 1000.0);
					}
					job.put("files", files(jdbc, rs.getLong("job_instance_id")));
					jobs.add(job);
				}, runDate.toString());
		return jobs;
	}

	/**
	 * What an exit message says, in one line: a failure's root cause (the last "Caused
	 * by") rather than the framework's trace.
	 */
	static String said(String exitMessage) {
		if (exitMessage == null || exitMessage.isBlank()) {
			return exitMessage;
		}
		List<String> lines = exitMessage.lines().toList();
		String cause = null;
		for (String line : lines) {
			if (line.startsWith("Caused by: ")) {
				cause = line.substring("Caused by: ".length());
			}
		}
		return cause != null ? cause : lines.get(0);
	}

	private static final int SAMPLES = 3;

	/**
	 * The first {@value #SAMPLES} rejected lines per reason of each payment file of the
	 * date (cash flows, repayments), as stored: masked. Applications and the card master
	 * carry personal data, and are counted only.
	 */
	static Map<String, Map<String, List<Map<String, Object>>>> rejectSamples(JdbcTemplate jdbc, LocalDate runDate) {
		Map<String, Map<String, List<Map<String, Object>>>> samples = new LinkedHashMap<>();
		jdbc.query("""
				SELECT file_name, reason, line_number, raw_line FROM (
				  SELECT f.file_name, r.reason, r.line_number, r.raw_line,
				         row_number() OVER (PARTITION BY f.file_id, r.reason ORDER BY r.line_number) AS n
				  FROM batch.import_reject r JOIN batch.import_file f ON f.file_id = r.file_id
				  WHERE (f.business_date = ? OR f.taken_in_on = ?) AND f.status IN ('ACCEPTED', 'REJECTED')
				    AND f.file_type IN ('CASH_FLOWS', 'REPAYMENTS')) ranked
				WHERE n <= ? ORDER BY file_name, reason, line_number""", rs -> {
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("line_number", rs.getInt("line_number"));
			line.put("raw_line", rs.getString("raw_line"));
			samples.computeIfAbsent(rs.getString("file_name"), file -> new LinkedHashMap<>())
				.computeIfAbsent(rs.getString("reason"), reason -> new ArrayList<>())
				.add(line);
		}, runDate, runDate, SAMPLES);
		return samples;
	}

	private static List<Map<String, Object>> files(JdbcTemplate jdbc, long jobInstanceId) {
		return jdbc.queryForList("""
				SELECT file_name, status, detail_count, accepted_count, rejected_count, duplicate_count,
				       pending_count, amount_total, reject_reason
				FROM batch.import_file WHERE job_instance_id = ? ORDER BY file_id
				""", jobInstanceId);
	}

	private static List<Map<String, Object>> ran(JdbcTemplate jdbc, LocalDate runDate, List<JobResult> results) {
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
			ExitCode exit = result.outcome().exitCode();
			job.put("status",
					exit == ExitCode.INPUT_REJECTED ? "REJECTED" : execution != null ? execution.getStatus().name()
							: exit == ExitCode.INPUT_MISSING ? "WAITING_FOR_INPUT" : "NOT_STARTED");
			job.put("exit_code", result.outcome().exitCode().code());
			job.put("message", result.outcome().message());
			if (execution != null) {
				job.put("job_execution_id", execution.getId());
				job.put("read", execution.getStepExecutions().stream().mapToLong(s -> s.getReadCount()).sum());
				job.put("written", execution.getStepExecutions().stream().mapToLong(s -> s.getWriteCount()).sum());
				if (execution.getStartTime() != null) {
					job.put("started", execution.getStartTime().toString());
				}
				if (execution.getStartTime() != null && execution.getEndTime() != null) {
					job.put("seconds",
							Duration.between(execution.getStartTime(), execution.getEndTime()).toMillis() / 1000.0);
				}
				job.put("files", files(jdbc, execution.getJobInstance().getInstanceId()));
			}
			jobs.add(job);
		}
		return jobs;
	}

}
