package jp.settlementbatch.console;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jp.settlementbatch.support.batch.JobRuns;

import org.springframework.batch.core.repository.dao.DefaultExecutionContextSerializer;
import org.springframework.jdbc.core.JdbcTemplate;

import static jp.settlementbatch.day.Html.escape;

/**
 * The console's pages of job executions: one execution with its parameters, steps and
 * contexts, and the stragglers (executions not finished, with the command that resumes or
 * abandons each).
 */
final class ExecutionPages {

	private final JdbcTemplate jdbc;

	private final JobRuns runs;

	ExecutionPages(JdbcTemplate jdbc, JobRuns runs) {
		this.jdbc = jdbc;
		this.runs = runs;
	}

	/**
	 * A job execution: parameters, steps with their counts, exit messages and contexts.
	 */
	ConsolePages.Page execution(long id) {
		List<Map<String, Object>> found = this.jdbc.queryForList("""
				SELECT e.job_execution_id, i.job_name, e.status, e.exit_code, e.exit_message, e.start_time,
				       e.end_time, c.short_context, c.serialized_context
				FROM batch.batch_job_execution e
				JOIN batch.batch_job_instance i ON i.job_instance_id = e.job_instance_id
				LEFT JOIN batch.batch_job_execution_context c ON c.job_execution_id = e.job_execution_id
				WHERE e.job_execution_id = ?""", id);
		if (found.isEmpty()) {
			return ConsolePages.Page.of(404, "No execution " + id, "<p>There is no job execution " + id + ".</p>");
		}
		Map<String, Object> execution = found.get(0);
		String status = String.valueOf(execution.get("status"));
		boolean dead = "STARTED".equals(status) && !this.runs.alive(id);
		StringBuilder body = new StringBuilder();
		body.append("<table id=\"execution\"><tbody>\n");
		row(body, "job", execution.get("job_name"));
		row(body, "status", dead ? "STARTED, but its process is gone (dead)" : status);
		row(body, "exit", execution.get("exit_code"));
		row(body, "started", time(execution.get("start_time")));
		row(body, "ended", time(execution.get("end_time")));
		for (Map<String, Object> parameter : this.jdbc.queryForList("""
				SELECT parameter_name, parameter_value FROM batch.batch_job_execution_params
				WHERE job_execution_id = ? ORDER BY parameter_name""", id)) {
			row(body, "parameter " + parameter.get("parameter_name"), parameter.get("parameter_value"));
		}
		body.append("</tbody></table>\n");
		String command = command(id, status, dead);
		if (command != null) {
			body.append("<p>To go on:</p><pre><code>").append(escape(command)).append("</code></pre>\n");
		}
		String message = String.valueOf(execution.get("exit_message") == null ? "" : execution.get("exit_message"));
		if (!message.isBlank()) {
			body.append("<h2 id=\"exit-message\">Exit message</h2>\n<pre>").append(escape(message)).append("</pre>\n");
		}
		body.append("<h2 id=\"steps\">Steps</h2>\n<table><thead><tr><th>step</th><th>status</th>")
			.append("<th class=\"n\">read</th><th class=\"n\">written</th><th class=\"n\">filtered</th>")
			.append("<th class=\"n\">skipped</th><th class=\"n\">commits</th><th class=\"n\">rollbacks</th>")
			.append("<th>started</th><th>ended</th><th>exit</th></tr></thead><tbody>\n");
		List<Map<String, Object>> steps = this.jdbc.queryForList("""
				SELECT s.step_name, s.status, s.read_count, s.write_count, s.filter_count,
				       s.read_skip_count + s.process_skip_count + s.write_skip_count AS skip_count, s.commit_count,
				       s.rollback_count, s.start_time, s.end_time, s.exit_code, s.exit_message, c.short_context,
				       c.serialized_context
				FROM batch.batch_step_execution s
				LEFT JOIN batch.batch_step_execution_context c ON c.step_execution_id = s.step_execution_id
				WHERE s.job_execution_id = ? ORDER BY s.step_execution_id""", id);
		for (Map<String, Object> step : steps) {
			body.append("<tr><td>").append(escape(String.valueOf(step.get("step_name")))).append("</td><td>");
			body.append(escape(String.valueOf(step.get("status")))).append("</td>");
			for (String count : List.of("read_count", "write_count", "filter_count", "skip_count", "commit_count",
					"rollback_count")) {
				body.append("<td class=\"n\">").append(step.get(count)).append("</td>");
			}
			body.append("<td>")
				.append(time(step.get("start_time")))
				.append("</td><td>")
				.append(time(step.get("end_time")))
				.append("</td><td>")
				.append(escape(String.valueOf(step.get("exit_code"))))
				.append(step.get("exit_message") == null || String.valueOf(step.get("exit_message")).isBlank() ? ""
						: "<br>" + escape(String.valueOf(step.get("exit_message")).lines().findFirst().orElse("")))
				.append("</td></tr>\n");
		}
		body.append("</tbody></table>\n<h2 id=\"contexts\">Execution contexts</h2>\n")
			.append(context("The job's", execution));
		for (Map<String, Object> step : steps) {
			body.append(context("Step " + step.get("step_name"), step));
		}
		return ConsolePages.Page.of(200, "Execution " + id + ": " + execution.get("job_name"), body.toString());
	}

	/**
	 * What has not finished: executions still running (or dead: no process holds their
	 * lock), and failed or stopped executions whose job instance never completed since.
	 */
	ConsolePages.Page stragglers() {
		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"""
						SELECT * FROM (
						  SELECT DISTINCT ON (e.job_instance_id) e.job_execution_id, i.job_name, e.status, e.exit_code,
						         e.exit_message, e.start_time,
						         (SELECT p.parameter_value FROM batch.batch_job_execution_params p
						          WHERE p.job_execution_id = e.job_execution_id AND p.parameter_name = 'business.date') AS business_date,
						         (SELECT p.parameter_value FROM batch.batch_job_execution_params p
						          WHERE p.job_execution_id = e.job_execution_id AND p.parameter_name = 'partition') AS partition
						  FROM batch.batch_job_execution e JOIN batch.batch_job_instance i ON i.job_instance_id = e.job_instance_id
						  ORDER BY e.job_instance_id, e.job_execution_id DESC) latest
						WHERE status NOT IN ('COMPLETED', 'ABANDONED')
						ORDER BY job_execution_id DESC LIMIT 200""");
		StringBuilder body = new StringBuilder();
		if (rows.isEmpty()) {
			body.append("<p id=\"none\">None: every job instance has completed or was abandoned.</p>\n");
			return ConsolePages.Page.of(200, "Stragglers", body.toString());
		}
		body.append("<table id=\"stragglers\"><thead><tr><th>execution</th><th>job</th><th>date</th>")
			.append("<th>partition</th><th>status</th><th>started</th><th>to go on</th></tr></thead><tbody>\n");
		for (Map<String, Object> row : rows) {
			long id = ((Number) row.get("job_execution_id")).longValue();
			String status = String.valueOf(row.get("status"));
			boolean dead = "STARTED".equals(status) && !this.runs.alive(id);
			String command = command(id, status, dead);
			body.append("<tr><td><a href=\"/executions/")
				.append(id)
				.append("\">")
				.append(id)
				.append("</a></td><td>")
				.append(escape(String.valueOf(row.get("job_name"))))
				.append("</td><td>")
				.append(escape(String.valueOf(row.get("business_date"))))
				.append("</td><td>")
				.append(row.get("partition") == null ? "" : escape(String.valueOf(row.get("partition"))))
				.append("</td><td class=\"fail\">")
				.append(dead ? "DEAD" : escape(status))
				.append("</td><td>")
				.append(time(row.get("start_time")))
				.append("</td><td>")
				.append(command == null ? "nothing: it is running" : "<code>" + escape(command) + "</code>")
				.append("</td></tr>\n");
		}
		body.append("</tbody></table>\n");
		return ConsolePages.Page.of(200, "Stragglers", body.toString());
	}

	/**
	 * The command that goes on from an execution, or null when there is nothing to do.
	 */
	private static String command(long id, String status, boolean dead) {
		return switch (status) {
			case "FAILED", "STOPPED", "UNKNOWN" -> "settlement-batch restart " + id;
			case "STARTED", "STARTING", "STOPPING" -> dead ? "settlement-batch restart " + id : null;
			default -> null;
		};
	}

	/**
	 * An execution context as its keys and values, decoded with Spring Batch's own
	 * serializer (and its filter of the classes it may read); undecodable, as stored.
	 */
	private static String context(String whose, Map<String, Object> row) {
		Object stored = row.get("serialized_context") != null ? row.get("serialized_context")
				: row.get("short_context");
		if (stored == null) {
			return "";
		}
		StringBuilder table = new StringBuilder("<table class=\"context\"><caption>" + escape(whose)
				+ "</caption><thead><tr><th>key</th><th>value</th></tr></thead><tbody>\n");
		try {
			Map<String, Object> context = new DefaultExecutionContextSerializer()
				.deserialize(new ByteArrayInputStream(String.valueOf(stored).getBytes(StandardCharsets.UTF_8)));
			new TreeMap<>(context).forEach((key, value) -> row(table, key, value));
		}
		catch (IOException | RuntimeException undecodable) {
			row(table, "(as stored)", stored);
		}
		return table.append("</tbody></table>\n").toString();
	}

	private static void row(StringBuilder body, String name, Object value) {
		body.append("<tr><th scope=\"row\">")
			.append(escape(name))
			.append("</th><td>")
			.append(escape(value == null ? "" : String.valueOf(value)))
			.append("</td></tr>\n");
	}

	static String time(Object value) {
		if (value == null) {
			return "";
		}
		String text = value.toString().replace('T', ' ');
		return escape(text.length() > 19 ? text.substring(0, 19) : text);
	}

}
