package jp.settlementbatch.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.settlementbatch.day.DayPage;
import jp.settlementbatch.day.DayReport;
import jp.settlementbatch.day.Html;
import jp.settlementbatch.day.Trend;
import jp.settlementbatch.support.batch.JobRuns;
import jp.settlementbatch.support.files.FileStore;
import jp.settlementbatch.support.files.StoredObject;

import org.springframework.jdbc.core.JdbcTemplate;

import static jp.settlementbatch.day.Html.escape;

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

	private final FileStore files;

	private final String outbox;

	private final ExecutionPages executions;

	private final ObjectMapper json = new ObjectMapper()
		.enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

	public ConsolePages(JdbcTemplate jdbc, JobRuns runs, FileStore files, String outbox) {
		this.executions = new ExecutionPages(jdbc, runs);
		this.jdbc = jdbc;
		this.files = files;
		this.outbox = outbox;
	}

	/** An answer: its HTTP status and its document. */
	public record Page(int status, String html) {

		static Page of(int status, String title, String body) {
			return new Page(status,
					Html.document(title, NAVIGATION + "<main><h1>" + escape(title) + "</h1>\n" + body + "</main>"));
		}

	}

	public Page page(String path) {
		if ("/".equals(path)) {
			return days();
		}
		if ("/stragglers".equals(path)) {
			return this.executions.stragglers();
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
			return this.executions.execution(Long.parseLong(execution.group(1)));
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
				.append(ExecutionPages.time(row.get("started")))
				.append("</td><td>")
				.append(ExecutionPages.time(row.get("ended")))
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

}
