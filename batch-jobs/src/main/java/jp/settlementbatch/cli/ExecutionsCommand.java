package jp.settlementbatch.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.settlementbatch.support.batch.JobRuns;
import jp.settlementbatch.support.progress.LogContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.springframework.jdbc.core.JdbcTemplate;

/** {@code settlement-batch executions}: what ran, when, and how it ended. */
@Command(name = "executions", description = "List job executions, newest first.")
class ExecutionsCommand implements Callable<Integer> {

	@Option(names = "--job", description = "Only this job.")
	String job;

	@Option(names = "--status",
			description = "Only this status, in any case: COMPLETED, FAILED, STOPPED, STARTED, ABANDONED, or REJECTED (an input rejected as a whole, exit 3).")
	String status;

	@Option(names = "--business-date", paramLabel = "YYYY-MM-DD",
			description = "Only this business date (2026-11-20 or 20261120).")
	String businessDate;

	/** What --status takes: Spring Batch's statuses and REJECTED. */
	static final List<String> STATUSES = List.of("COMPLETED", "FAILED", "STOPPED", "STARTED", "STARTING", "STOPPING",
			"ABANDONED", "UNKNOWN", "REJECTED");

	@Option(names = "--limit", defaultValue = "50")
	int limit;

	@Option(names = "--json", description = "One JSON object per line, for scripts.")
	boolean json;

	@Mixin
	CommonOptions common;

	private static final String QUERY = """
			SELECT e.job_execution_id, i.job_name, e.status, e.exit_code, e.exit_message, e.start_time, e.end_time,
			       (SELECT p.parameter_value FROM batch.batch_job_execution_params p
			        WHERE p.job_execution_id = e.job_execution_id AND p.parameter_name = 'business.date') AS business_date,
			       (SELECT p.parameter_value FROM batch.batch_job_execution_params p
			        WHERE p.job_execution_id = e.job_execution_id AND p.parameter_name = 'partition') AS partition,
			       coalesce(s.read_count, 0) AS read_count, coalesce(s.write_count, 0) AS write_count,
			       coalesce(s.skip_count, 0) AS skip_count,
			       t.task_execution_id, t.external_execution_id
			FROM batch.batch_job_execution e
			JOIN batch.batch_job_instance i ON i.job_instance_id = e.job_instance_id
			LEFT JOIN (SELECT job_execution_id, sum(read_count) AS read_count, sum(write_count) AS write_count,
			                  sum(read_skip_count + process_skip_count + write_skip_count) AS skip_count
			           FROM batch.batch_step_execution GROUP BY job_execution_id) s ON s.job_execution_id = e.job_execution_id
			LEFT JOIN batch.task_task_batch tb ON tb.job_execution_id = e.job_execution_id
			LEFT JOIN batch.task_execution t ON t.task_execution_id = tb.task_execution_id
			WHERE (?::text IS NULL OR i.job_name = ?)
			  AND (?::text IS NULL OR CASE WHEN e.exit_code = 'REJECTED' THEN 'REJECTED' ELSE e.status END = ?)
			  AND (?::text IS NULL OR EXISTS (SELECT 1 FROM batch.batch_job_execution_params p
			       WHERE p.job_execution_id = e.job_execution_id AND p.parameter_name = 'business.date' AND p.parameter_value = ?))
			ORDER BY e.job_execution_id DESC
			LIMIT ?
			""";

	@Override
	public Integer call() throws Exception {
		LogContext.command("executions", null, null);
		if (this.job != null) {
			Jobs.requireKnown(this.job);
		}
		String status = this.status == null ? null : this.status.toUpperCase(java.util.Locale.ROOT);
		if (status != null && !STATUSES.contains(status)) {
			throw new IllegalArgumentException(
					"Unknown status '" + this.status + "'. Statuses: " + String.join(", ", STATUSES) + ".");
		}
		String date = this.businessDate == null ? null : Jobs.businessDate(this.businessDate).toString();
		// stdout is the table or the JSON alone, for people and pipes: every log line of
		// the command goes to stderr
		PrintStream out = System.out;
		System.setOut(System.err);
		try {
			return Platform.run(this.common, null, new String[0], Map.of(), platform -> {
				JobRuns runs = platform.bean(JobRuns.class);
				List<Map<String, Object>> rows = platform.bean(JdbcTemplate.class)
					.queryForList(QUERY, this.job, this.job, status, status, date, date, this.limit);
				for (Map<String, Object> row : rows) {
					boolean dead = "STARTED".equals(row.get("status"))
							&& !runs.alive(((Number) row.get("job_execution_id")).longValue());
					row.put("dead", dead);
					if (dead) {
						row.put("exit_message", "dead: its process is gone; run restart " + row.get("job_execution_id")
								+ " (or the same command again) to resume it");
					}
				}
				if (this.json) {
					ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
					for (Map<String, Object> row : rows) {
						// times as ISO-8601 instants, which people and jq read alike
						row.replaceAll((key, value) -> value instanceof java.sql.Timestamp at
								? at.toInstant().toString() : value);
						out.println(mapper.writeValueAsString(row));
					}
				}
				else {
					out.print(table(rows));
				}
				out.flush();
				return 0;
			});
		}
		finally {
			System.setOut(out);
		}
	}

	static String table(List<Map<String, Object>> rows) {
		StringBuilder out = new StringBuilder(
				String.format("%6s  %-26s %-11s %-9s %-10s %-19s %-19s %10s %10s %6s  %s%n", "id", "job", "date",
						"part", "status", "started", "ended", "read", "written", "skip", "exit"));
		for (Map<String, Object> row : rows) {
			String exitMessage = String.valueOf(row.get("exit_message") == null ? "" : row.get("exit_message"));
			String exit = row.get("exit_code")
					+ (exitMessage.isBlank() ? "" : ": " + exitMessage.lines().findFirst().orElse(""));
			Object status = Boolean.TRUE.equals(row.get("dead")) ? "DEAD"
					: "REJECTED".equals(row.get("exit_code")) ? "REJECTED" : row.get("status");
			out.append(String.format("%6s  %-26s %-11s %-9s %-10s %-19s %-19s %,10d %,10d %,6d  %s%n",
					row.get("job_execution_id"), row.get("job_name"), nullToDash(row.get("business_date")),
					nullToDash(row.get("partition")), status, time(row.get("start_time")), time(row.get("end_time")),
					((Number) row.get("read_count")).longValue(), ((Number) row.get("write_count")).longValue(),
					((Number) row.get("skip_count")).longValue(), abbreviate(exit, 90)));
			if (row.get("external_execution_id") != null) {
				out.append("        task ")
					.append(row.get("task_execution_id"))
					.append("  ")
					.append(row.get("external_execution_id"))
					.append('\n');
			}
		}
		return out.toString();
	}

	private static String nullToDash(Object value) {
		return value == null ? "-" : value.toString();
	}

	private static String time(Object value) {
		if (value == null) {
			return "-";
		}
		String text = value.toString().replace('T', ' ');
		return text.length() > 19 ? text.substring(0, 19) : text;
	}

	private static String abbreviate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

}
