package jp.settlementbatch.console;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.settlementbatch.day.DayPage;
import jp.settlementbatch.day.DayReport;
import jp.settlementbatch.day.Trend;
import jp.settlementbatch.support.batch.JobRuns;
import jp.settlementbatch.support.files.FileStore;
import jp.settlementbatch.support.files.StoredObject;

import org.springframework.batch.core.repository.dao.DefaultExecutionContextSerializer;
import org.springframework.jdbc.core.JdbcTemplate;

import static jp.settlementbatch.day.DayPage.escape;

/**
 * The console's pages, each a whole HTML document, from the job repository (read only)
 * and the reports in the outbox. Plain code: {@link ConsoleServer} serves them.
 */
public final class ConsolePages {

	private static final Pattern DAY = Pattern.compile("/days/(\\d{4}-\\d{2}-\\d{2})");

	private static final Pattern EXECUTION = Pattern.compile("/executions/(\\d{1,18})");

	private static final String NAVIGATION = "<nav aria-label=\"console\"><a href=\"/\">Run dates</a>"
			+ "<a href=\"/stragglers\">Stragglers</a></nav>\n";

	private final JdbcTemplate jdbc;

	private final JobRuns runs;

	private final FileStore files;

	private final String outbox;

	private final ObjectMapper json = new ObjectMapper()
		.enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

	public ConsolePages(JdbcTemplate jdbc, JobRuns runs, FileStore files, String outbox) {
		this.jdbc = jdbc;
		this.runs = runs;
		this.files = files;
		this.outbox = outbox;
	}

	/** An answer: its HTTP status and its document. */
	public record Page(int status, String html) {

		static Page of(int status, String title, String body) {
			return new Page(status,
					DayPage.document(title, NAVIGATION + "<main><h1>" + escape(title) + "</h1>\n" + body + "</main>"));
		}

	}

	public Page page(String path) {
		if ("/".equals(path)) {
			return days();
		}
		if ("/stragglers".equals(path)) {
			return stragglers();
		}
		Matcher day = DAY.matcher(path);
		if (day.matches()) {
			try {
				return day(LocalDate.parse(day.group(1)));
			}
			catch (DateTimeParseException ex) {
				return Page.of(404, "No such date", "<p>" + escape(day.group(1)) + " is not a date.</p>");
			}
		}
		Matcher execution = EXECUTION.matcher(path);
		if (execution.matches()) {
			return execution(Long.parseLong(execution.group(1)));
		}
		return Page.of(404, "Not here", "<p>There is no page " + escape(path) + ".</p>");
	}

	/** Every run date of the job repository, newest first, with how its jobs stand. */
	Page days() {
		List<Map<String, Object>> rows = this.jdbc.queryForList("""
				SELECT run_date, count(*) AS jobs,
				       count(*) FILTER (WHERE status = 'COMPLETED' AND exit_code <> 'REJECTED') AS completed,
				       count(*) FILTER (WHERE exit_code = 'REJECTED') AS rejected,
				       count(*) FILTER (WHERE status NOT IN ('COMPLETED', 'ABANDONED')) AS unfinished,
				       min(start_time) AS started, max(end_time) AS ended
				FROM (SELECT DISTINCT ON (e.job_instance_id) e.status, e.exit_code, e.start_time, e.end_time,
				             coalesce(rd.parameter_value, bd.parameter_value) AS run_date
				      FROM batch.batch_job_execution e
				      JOIN batch.batch_job_execution_params bd
				        ON bd.job_execution_id = e.job_execution_id AND bd.parameter_name = 'business.date'
				      LEFT JOIN batch.batch_job_execution_params rd
				        ON rd.job_execution_id = e.job_execution_id AND rd.parameter_name = 'run.date'
				      ORDER BY e.job_instance_id, e.job_execution_id DESC) latest
				GROUP BY run_date ORDER BY run_date DESC LIMIT 120""");
		// the reports written, by one listing (on S3 one request, not one per date)
		java.util.Set<String> written = new java.util.HashSet<>();
		this.files.list(reportOf(null)).forEach(listed -> written.add(listed.uri()));
		StringBuilder body = new StringBuilder();
		if (rows.isEmpty()) {
			body.append("<p>No job has run on this database yet. <code>settlement-batch demo</code> runs the sample")
				.append(" days.</p>\n");
		}
		body.append("<p>Reports are read from <code>")
			.append(escape(this.outbox))
			.append("</code>.</p>\n<table id=\"days\"><thead><tr><th>run date</th><th class=\"n\">jobs</th>")
			.append("<th class=\"n\">completed</th><th class=\"n\">rejected</th><th class=\"n\">not finished</th>")
			.append("<th>started</th><th>ended</th><th>report</th></tr></thead><tbody>\n");
		for (Map<String, Object> row : rows) {
			String date = String.valueOf(row.get("run_date"));
			long unfinished = ((Number) row.get("unfinished")).longValue();
			body.append("<tr><td><a href=\"/days/")
				.append(escape(date))
				.append("\">")
				.append(escape(date))
				.append("</a></td><td class=\"n\">")
				.append(row.get("jobs"))
				.append("</td><td class=\"n\">")
				.append(row.get("completed"))
				.append("</td><td class=\"n\">")
				.append(row.get("rejected"))
				.append("</td><td class=\"n ")
				.append(unfinished == 0 ? "" : "fail")
				.append("\">")
				.append(unfinished)
				.append("</td><td>")
				.append(time(row.get("started")))
				.append("</td><td>")
				.append(time(row.get("ended")))
				.append("</td><td>")
				.append(written.contains(reportOf(LocalDate.parse(date))) ? "written" : "none")
				.append("</td></tr>\n");
		}
		body.append("</tbody></table>\n");
		return Page.of(200, "Run dates", body.toString());
	}

	/**
	 * A day: its report file, as {@code daily_D.html} shows it, execution ids linked; or,
	 * with no report, what the job repository holds of it.
	 */
	Page day(LocalDate date) {
		Optional<StoredObject> stored = report(date);
		JsonNode report;
		String note = "";
		if (stored.isPresent()) {
			try (InputStream in = this.files.open(stored.get(), 0)) {
				report = this.json.readTree(in);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		else {
			Map<String, Object> recorded = new LinkedHashMap<>();
			recorded.put("business_date", date.toString());
			recorded.put("jobs", DayReport.recorded(this.jdbc, date));
			if (((List<?>) recorded.get("jobs")).isEmpty()) {
				return Page.of(404, "No run of " + date, "<p>Nothing ran for " + escape(date.toString())
						+ " on this database, and no report of it is in <code>" + escape(this.outbox) + "</code>.</p>");
			}
			report = this.json.valueToTree(recorded);
			note = "<p class=\"verdict warn\">No report of " + escape(date.toString()) + " in <code>"
					+ escape(this.outbox) + "</code>: the jobs below are the job repository's. To write the report"
					+ " (files, control totals): <code>settlement-batch files --business-date=" + date
					+ " --report</code></p>\n";
		}
		return new Page(200,
				DayPage.render(report, Trend.of(this.jdbc, date), id -> "/executions/" + id, NAVIGATION + note));
	}

	private Optional<StoredObject> report(LocalDate date) {
		return this.files.stat(reportOf(date));
	}

	/**
	 * The JSON report of {@code date}; with no date, the prefix every report starts with.
	 */
	private String reportOf(LocalDate date) {
		return FileStore.resolve(this.outbox, "reports",
				"daily_" + (date == null ? "" : date.format(DateTimeFormatter.BASIC_ISO_DATE) + ".json"));
	}

	/**
	 * A job execution: parameters, steps with their counts, exit messages and contexts.
	 */
	Page execution(long id) {
		List<Map<String, Object>> found = this.jdbc.queryForList("""
				SELECT e.job_execution_id, i.job_name, e.status, e.exit_code, e.exit_message, e.start_time,
				       e.end_time, c.short_context, c.serialized_context
				FROM batch.batch_job_execution e
				JOIN batch.batch_job_instance i ON i.job_instance_id = e.job_instance_id
				LEFT JOIN batch.batch_job_execution_context c ON c.job_execution_id = e.job_execution_id
				WHERE e.job_execution_id = ?""", id);
		if (found.isEmpty()) {
			return Page.of(404, "No execution " + id, "<p>There is no job execution " + id + ".</p>");
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
		return Page.of(200, "Execution " + id + ": " + execution.get("job_name"), body.toString());
	}

	/**
	 * What has not finished: executions still running (or dead: no process holds their
	 * lock), and failed or stopped executions whose job instance never completed since.
	 */
	Page stragglers() {
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
			return Page.of(200, "Stragglers", body.toString());
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
		return Page.of(200, "Stragglers", body.toString());
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

	private static String time(Object value) {
		if (value == null) {
			return "";
		}
		String text = value.toString().replace('T', ' ');
		return escape(text.length() > 19 ? text.substring(0, 19) : text);
	}

}
