package jp.settlementbatch.day;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code reports/daily_D.html}: the day report as a page an operator reads at a glance,
 * from the same JSON as {@code daily_D.json}. One self-contained file: inline CSS and
 * SVG, no script, no external asset, a Content-Security-Policy that allows nothing else.
 * Every value is escaped, and any run of digits that could be a card number is masked
 * again. The console serves the same page, its execution ids linked.
 */
public final class DayPage {

	/** The statuses of a job that stop the day: the run must go on before the outputs. */
	private static final Set<String> STOPPING = Set.of("FAILED", "STOPPED", "STOPPING", "STARTED", "STARTING",
			"UNKNOWN", "WAITING_FOR_INPUT", "NOT_STARTED");

	private final JsonNode report;

	private final Trend trend;

	private final LongFunction<String> executionLink;

	private final StringBuilder html = new StringBuilder(64 * 1024);

	private DayPage(JsonNode report, Trend trend, LongFunction<String> executionLink) {
		this.report = report;
		this.trend = trend;
		this.executionLink = executionLink;
	}

	/** The report file's page: execution ids as text. */
	public static String render(JsonNode report, Trend trend) {
		return render(report, trend, null, "");
	}

	/**
	 * The page; {@code executionLink} (the console's) makes each execution id a link,
	 * {@code navigation} is HTML put above the title.
	 */
	public static String render(JsonNode report, Trend trend, LongFunction<String> executionLink, String navigation) {
		DayPage page = new DayPage(report, trend, executionLink);
		Verdict verdict = page.verdict();
		page.html.append(Html.head("Settlement day " + report.path("business_date").asText() + ": " + verdict.word()));
		page.html.append(navigation);
		page.html.append("<header><h1>Settlement day ")
			.append(Html.escape(report.path("business_date").asText()))
			.append("</h1>\n<p id=\"verdict\" class=\"verdict ")
			.append(verdict.css())
			.append("\"><strong>")
			.append(Html.escape(verdict.word()))
			.append("</strong>: ")
			.append(Html.escape(verdict.detail()))
			.append("</p>\n");
		if (verdict.command() != null) {
			page.html.append("<p>To go on: </p><pre><code>")
				.append(Html.escape(verdict.command()))
				.append("</code></pre>\n");
		}
		page.html.append("</header>\n<main>\n");
		page.attention();
		page.timeline();
		new FileSections(report, page.html).append();
		page.trend();
		page.html.append("</main>\n<footer><p class=\"muted\">Written by settlement-batch from reports/daily_")
			.append(Html.escape(report.path("business_date").asText().replace("-", "")))
			.append(".json. Card numbers are never shown in full; commands are the CLI's (on AWS, the same")
			.append(" arguments through <code>step-functions/ops.sh</code>).</p></footer>\n</body>\n</html>\n");
		return page.html.toString();
	}

	/** What the day came to, in a word, a line and the command that goes on. */
	record Verdict(String word, String css, String detail, String command) {

	}

	Verdict verdict() {
		String date = this.report.path("business_date").asText();
		for (JsonNode job : this.report.path("jobs")) {
			String status = job.path("status").asText();
			if (STOPPING.contains(status)) {
				String said = job.path("message").asText(job.path("reason").asText(""));
				return new Verdict("Stopped", "bad",
						job.path("job").asText() + " is " + status + (said.isBlank() ? "" : " (" + said + ")")
								+ ". The outputs of the day are not written until the day goes on.",
						"WAITING_FOR_INPUT".equals(status) ? "settlement-batch files --business-date=" + date
								: "settlement-batch daily --business-date=" + date);
			}
		}
		int jobs = 0;
		for (JsonNode job : this.report.path("jobs")) {
			jobs += "SKIPPED".equals(job.path("status").asText()) ? 0 : 1;
		}
		int attention = this.report.path("manifest").path("attention").size();
		boolean balanced = this.report.path("manifest").path("control_totals").path("balanced").asBoolean(true);
		if (attention > 0 || !balanced) {
			return new Verdict("Needs attention", "warn",
					jobs + " jobs ran; " + attention + (attention == 1 ? " thing needs" : " things need")
							+ " an operator" + (balanced ? "" : ", and the control totals do not balance") + ".",
					null);
		}
		return new Verdict("Complete", "ok", jobs + " jobs ran; the control totals balance; nothing needs an operator.",
				null);
	}

	private void attention() {
		JsonNode lines = this.report.path("manifest").path("attention");
		section("attention", "Needs attention (" + lines.size() + ")");
		if (lines.isEmpty()) {
			this.html.append("<p>Nothing.</p>\n");
			return;
		}
		this.html.append("<ol class=\"attention\">\n");
		Map<String, List<String>> commands = new java.util.HashMap<>();
		for (JsonNode action : this.report.path("manifest").path("actions")) {
			commands.computeIfAbsent(action.path("attention").asText(), line -> new ArrayList<>())
				.add(action.path("command").asText());
		}
		for (JsonNode line : lines) {
			this.html.append("<li><p>").append(Html.escape(line.asText())).append("</p>");
			for (String command : commands.getOrDefault(line.asText(), List.of())) {
				this.html.append("<pre><code>").append(Html.escape(command)).append("</code></pre>");
			}
			this.html.append("</li>\n");
		}
		this.html.append("</ol>\n");
	}

	private void timeline() {
		section("timeline", "Jobs");
		LocalDateTime first = null;
		LocalDateTime last = null;
		for (JsonNode job : this.report.path("jobs")) {
			if (job.hasNonNull("started")) {
				LocalDateTime started = LocalDateTime.parse(job.path("started").asText());
				LocalDateTime ended = started.plusNanos((long) (job.path("seconds").asDouble() * 1e9));
				first = first == null || started.isBefore(first) ? started : first;
				last = last == null || ended.isAfter(last) ? ended : last;
			}
		}
		double span = first == null ? 1 : Math.max(Duration.between(first, last).toMillis() / 1000.0, 0.001);
		this.html.append("<table id=\"jobs\"><thead><tr><th>job</th><th>status</th><th class=\"n\">exit</th>")
			.append("<th class=\"n\">seconds</th><th class=\"n\">read</th><th class=\"n\">written</th>")
			.append("<th>execution</th><th>when, within the run</th></tr></thead><tbody>\n");
		for (JsonNode job : this.report.path("jobs")) {
			String status = job.path("status").asText();
			this.html.append("<tr><td>")
				.append(Html.escape(job.path("job").asText()))
				.append(job.hasNonNull("late_file_date") ? " <span class=\"muted\">(file of "
						+ Html.escape(job.path("late_file_date").asText()) + ")</span>" : "")
				.append("</td><td class=\"")
				.append(STOPPING.contains(status) ? "fail" : "REJECTED".equals(status) ? "fail" : "pass")
				.append("\">")
				.append(Html.escape(status))
				.append(job.hasNonNull("message") && !job.path("message").asText().isBlank()
						&& !"completed.".equals(job.path("message").asText())
								? "<br><span class=\"muted\">" + Html.escape(job.path("message").asText()) + "</span>"
								: job.hasNonNull("reason") ? "<br><span class=\"muted\">"
										+ Html.escape(job.path("reason").asText()) + "</span>" : "")
				.append("</td><td class=\"n\">")
				.append(Html.escape(job.path("exit_code").asText(job.path("exit_status").asText(""))))
				.append("</td><td class=\"n\">")
				.append(job.hasNonNull("seconds") ? String.format("%.1f", job.path("seconds").asDouble()) : "")
				.append("</td><td class=\"n\">")
				.append(job.hasNonNull("read") ? Html.count(job.path("read").asLong()) : "")
				.append("</td><td class=\"n\">")
				.append(job.hasNonNull("written") ? Html.count(job.path("written").asLong()) : "")
				.append("</td><td>")
				.append(execution(job))
				.append("</td><td>");
			if (job.hasNonNull("started") && first != null) {
				LocalDateTime started = LocalDateTime.parse(job.path("started").asText());
				double from = Duration.between(first, started).toMillis() / 1000.0;
				double width = Math.max(job.path("seconds").asDouble() / span * 240, 1);
				this.html.append("<svg width=\"250\" height=\"14\" role=\"img\" aria-label=\"from ")
					.append(String.format("%.1f", from))
					.append(" s to ")
					.append(String.format("%.1f", from + job.path("seconds").asDouble()))
					.append(" s\"><rect x=\"0\" y=\"6\" width=\"250\" height=\"2\" fill=\"#ddd\"/><rect x=\"")
					.append(String.format("%.1f", from / span * 240))
					.append("\" y=\"1\" height=\"12\" width=\"")
					.append(String.format("%.1f", width))
					.append("\" fill=\"")
					.append(STOPPING.contains(status) ? "#a11a1a" : "#2f5d8a")
					.append("\"/></svg>");
			}
			this.html.append("</td></tr>\n");
		}
		this.html.append("</tbody></table>\n");
	}

	private String execution(JsonNode job) {
		if (!job.hasNonNull("job_execution_id")) {
			return "";
		}
		long id = job.path("job_execution_id").asLong();
		return this.executionLink == null ? String.valueOf(id)
				: "<a href=\"" + Html.escape(this.executionLink.apply(id)) + "\">" + id + "</a>";
	}

	private void trend() {
		section("trend", "The last " + this.trend.dates().size() + " run dates");
		if (this.trend.jobs().isEmpty()) {
			this.html.append("<p>No completed job yet.</p>\n");
			return;
		}
		this.html.append("<p class=\"muted\">")
			.append(Html.escape(this.trend.dates().get(0).toString()))
			.append(" to ")
			.append(Html.escape(this.trend.dates().get(this.trend.dates().size() - 1).toString()))
			.append("; one bar per run date, all partitions of a job together.</p>\n")
			.append("<table id=\"trend\"><thead><tr><th>job</th><th>seconds</th><th class=\"n\">latest</th>")
			.append("<th>rows read</th><th class=\"n\">latest</th></tr></thead><tbody>\n");
		for (String job : this.trend.jobs()) {
			List<Double> seconds = new ArrayList<>();
			List<Double> rows = new ArrayList<>();
			for (java.time.LocalDate date : this.trend.dates()) {
				Trend.Point point = this.trend.point(job, date);
				seconds.add(point == null ? null : point.seconds());
				rows.add(point == null ? null : (double) point.rows());
			}
			this.html.append("<tr><td>")
				.append(Html.escape(job))
				.append("</td><td>")
				.append(Html.bars(seconds, job + ": seconds per run date"))
				.append("</td><td class=\"n\">")
				.append(Html.latest(seconds, "%.1f"))
				.append("</td><td>")
				.append(Html.bars(rows, job + ": rows read per run date"))
				.append("</td><td class=\"n\">")
				.append(Html.latest(rows, "%,.0f"))
				.append("</td></tr>\n");
		}
		this.html.append("</tbody></table>\n");
	}

	private void section(String id, String title) {
		this.html.append("<h2 id=\"").append(id).append("\">").append(Html.escape(title)).append("</h2>\n");
	}

}
