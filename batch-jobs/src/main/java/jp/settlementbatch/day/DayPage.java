package jp.settlementbatch.day;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

import com.fasterxml.jackson.databind.JsonNode;
import jp.settlementbatch.support.csv.PanGuard;

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

	static final String STYLE = """
			body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:78rem;padding:1rem 1.5rem;color:#1b1b1b;background:#fff}
			h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.2rem;margin:1.6rem 0 .4rem;border-bottom:1px solid #ccc}
			table{border-collapse:collapse;width:100%;margin:.3rem 0 1rem}th,td{border-bottom:1px solid #e2e2e2;padding:.25rem .5rem;text-align:left;vertical-align:top}
			td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}caption{text-align:left;font-weight:600;padding:.3rem 0}
			.verdict{font-size:1.15rem;padding:.7rem 1rem;border-radius:.3rem;border:2px solid}
			.ok{background:#e7f4ea;border-color:#1e6b34;color:#133f20}.warn{background:#fff4d6;border-color:#8a5a00;color:#4a3000}
			.bad{background:#fde8e8;border-color:#a11a1a;color:#5c0b0b}
			.pass{color:#1e6b34;font-weight:600}.fail{color:#a11a1a;font-weight:600}
			code,pre{font:13px/1.4 ui-monospace,monospace;background:#f3f3f3}pre{padding:.4rem .6rem;white-space:pre-wrap;word-break:break-all;margin:.2rem 0 .6rem}
			ol.attention li{margin-bottom:.6rem}nav a{margin-right:1rem}svg{display:block}.muted{color:#555}
			""";

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
		page.html.append(head("Settlement day " + report.path("business_date").asText() + ": " + verdict.word()));
		page.html.append(navigation);
		page.html.append("<header><h1>Settlement day ")
			.append(escape(report.path("business_date").asText()))
			.append("</h1>\n<p id=\"verdict\" class=\"verdict ")
			.append(verdict.css())
			.append("\"><strong>")
			.append(escape(verdict.word()))
			.append("</strong>: ")
			.append(escape(verdict.detail()))
			.append("</p>\n");
		if (verdict.command() != null) {
			page.html.append("<p>To go on: </p><pre><code>")
				.append(escape(verdict.command()))
				.append("</code></pre>\n");
		}
		page.html.append("</header>\n<main>\n");
		page.attention();
		page.timeline();
		page.controlTotals();
		page.manifest();
		page.rejects();
		page.waiting();
		page.trend();
		page.html.append("</main>\n<footer><p class=\"muted\">Written by settlement-batch from reports/daily_")
			.append(escape(report.path("business_date").asText().replace("-", "")))
			.append(".json. Card numbers are never shown in full; commands are the CLI's (on AWS, the same")
			.append(" arguments through <code>step-functions/ops.sh</code>).</p></footer>\n</body>\n</html>\n");
		return page.html.toString();
	}

	/**
	 * The page's head, with the policy that allows its one style block and nothing else.
	 */
	private static String head(String title) {
		return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
				+ "<meta http-equiv=\"Content-Security-Policy\" content=\"" + contentSecurityPolicy() + "\">\n<title>"
				+ escape(title) + "</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n";
	}

	/** A whole page of the console: the report's head and style around {@code body}. */
	public static String document(String title, String body) {
		return head(title) + body + "\n</body>\n</html>\n";
	}

	/**
	 * No script at all, no connection, no frame, no form; the one inline style block by
	 * its hash; images only inline. (A page served over HTTP adds
	 * {@code frame-ancestors}, which a meta element cannot carry.)
	 */
	public static String contentSecurityPolicy() {
		return "default-src 'none'; script-src 'none'; style-src '" + styleHash()
				+ "'; img-src data:; base-uri 'none'; form-action 'none'";
	}

	static String styleHash() {
		try {
			return "sha256-" + Base64.getEncoder()
				.encodeToString(MessageDigest.getInstance("SHA-256").digest(STYLE.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
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
			this.html.append("<li><p>").append(escape(line.asText())).append("</p>");
			for (String command : commands.getOrDefault(line.asText(), List.of())) {
				this.html.append("<pre><code>").append(escape(command)).append("</code></pre>");
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
				.append(escape(job.path("job").asText()))
				.append(job.hasNonNull("late_file_date")
						? " <span class=\"muted\">(file of " + escape(job.path("late_file_date").asText()) + ")</span>"
						: "")
				.append("</td><td class=\"")
				.append(STOPPING.contains(status) ? "fail" : "REJECTED".equals(status) ? "fail" : "pass")
				.append("\">")
				.append(escape(status))
				.append(job.hasNonNull("message") && !job.path("message").asText().isBlank()
						&& !"completed.".equals(job.path("message").asText())
								? "<br><span class=\"muted\">" + escape(job.path("message").asText()) + "</span>"
								: job.hasNonNull("reason")
										? "<br><span class=\"muted\">" + escape(job.path("reason").asText()) + "</span>"
										: "")
				.append("</td><td class=\"n\">")
				.append(escape(job.path("exit_code").asText(job.path("exit_status").asText(""))))
				.append("</td><td class=\"n\">")
				.append(job.hasNonNull("seconds") ? String.format("%.1f", job.path("seconds").asDouble()) : "")
				.append("</td><td class=\"n\">")
				.append(job.hasNonNull("read") ? count(job.path("read").asLong()) : "")
				.append("</td><td class=\"n\">")
				.append(job.hasNonNull("written") ? count(job.path("written").asLong()) : "")
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
				: "<a href=\"" + escape(this.executionLink.apply(id)) + "\">" + id + "</a>";
	}

	private void controlTotals() {
		JsonNode totals = this.report.path("manifest").path("control_totals");
		section("control-totals",
				"Control totals: " + (totals.path("balanced").asBoolean(true) ? "balanced" : "DO NOT BALANCE"));
		this.html.append("<table id=\"file-totals\"><caption>Each file: its trailer = accepted + pending + rejected")
			.append(" + duplicates</caption><thead><tr><th>file</th><th class=\"n\">trailer</th>")
			.append("<th class=\"n\">accepted</th><th class=\"n\">pending</th><th class=\"n\">rejected</th>")
			.append("<th class=\"n\">duplicates</th><th>check</th></tr></thead><tbody>\n");
		for (JsonNode file : totals.path("files")) {
			boolean balanced = file.path("counts_balance").asBoolean(false)
					&& !file.path("amounts_balance").asText("true").equals("false");
			this.html.append("<tr><td>").append(escape(file.path("file").asText())).append("</td>");
			for (String part : List.of("trailer", "accepted", "pending", "rejected", "duplicates")) {
				this.html.append("<td class=\"n\">").append(part(file.path(part))).append("</td>");
			}
			this.html.append(check(balanced)).append("</tr>\n");
		}
		this.html.append("</tbody></table>\n");
		this.html.append("<table id=\"postings\"><caption>What the ledger posted = what was accepted for it")
			.append("</caption><thead><tr><th>kind</th><th class=\"n\">claimed</th><th class=\"n\">held back</th>")
			.append("<th class=\"n\">released</th><th class=\"n\">caught up</th><th class=\"n\">expected</th>")
			.append("<th class=\"n\">journal</th><th>check</th></tr></thead><tbody>\n");
		for (JsonNode posting : totals.path("posted")) {
			this.html.append("<tr><td>").append(escape(posting.path("kind").asText())).append("</td>");
			for (String part : List.of("claimed", "held_back", "released", "caught_up", "expected", "journal")) {
				this.html.append("<td class=\"n\">").append(yen(posting.path(part))).append("</td>");
			}
			this.html.append(check(posting.path("balanced").asBoolean(false))).append("</tr>\n");
		}
		this.html.append("</tbody></table>\n");
		JsonNode movement = totals.path("ledger_movement");
		if (movement.isObject()) {
			this.html.append("<table id=\"movement\"><caption>The ledger moved by exactly its journal</caption>")
				.append("<thead><tr><th>since</th><th class=\"n\">owed before</th><th class=\"n\">owed now</th>")
				.append("<th class=\"n\">moved</th><th class=\"n\">journal</th><th>check</th></tr></thead><tbody>")
				.append("<tr><td>")
				.append(escape(movement.path("since").asText("the beginning")))
				.append("</td>");
			for (String part : List.of("owed_before", "owed_now", "moved", "journal")) {
				this.html.append("<td class=\"n\">").append(yen(movement.path(part))).append("</td>");
			}
			this.html.append(check(movement.path("balanced").asBoolean(false))).append("</tr></tbody></table>\n");
		}
		else if (movement.isTextual()) {
			this.html.append("<p>Ledger movement: ").append(escape(movement.asText())).append(".</p>\n");
		}
		if (totals.has("accounts_out_of_balance")) {
			long out = totals.path("accounts_out_of_balance").asLong();
			this.html.append("<p>Accounts out of balance with their journal: <span class=\"")
				.append(out == 0 ? "pass" : "fail")
				.append("\">")
				.append(out)
				.append("</span></p>\n");
		}
	}

	private void manifest() {
		JsonNode manifest = this.report.path("manifest");
		section("manifest", "Files");
		this.html.append("<table id=\"files\"><thead><tr><th>file</th><th>of</th><th>status</th>")
			.append("<th class=\"n\">accepted</th><th class=\"n\">rejected</th><th class=\"n\">duplicates</th>")
			.append("<th class=\"n\">pending</th><th>note</th></tr></thead><tbody>\n");
		for (JsonNode file : manifest.path("files")) {
			String status = file.path("status").asText();
			this.html.append("<tr><td>")
				.append(escape(file.path("file").asText()))
				.append("</td><td>")
				.append(escape(file.path("date").asText()))
				.append(file.path("late").asBoolean() ? " (late)" : "")
				.append("</td><td class=\"")
				.append(Set.of("REJECTED", "MISSING", "UNRECOGNIZED").contains(status) ? "fail" : "")
				.append("\">")
				.append(escape(status))
				.append(file.path("expected").asBoolean(true) ? "" : " (not expected)")
				.append("</td>");
			for (String part : List.of("accepted", "rejected", "duplicates", "pending")) {
				this.html.append("<td class=\"n\">")
					.append(file.hasNonNull(part) ? count(file.path(part).asLong()) : "")
					.append("</td>");
			}
			this.html.append("<td>").append(escape(file.path("reason").asText(""))).append("</td></tr>\n");
		}
		for (JsonNode file : manifest.path("untaken")) {
			this.html.append("<tr><td>")
				.append(escape(file.path("file").asText()))
				.append("</td><td>")
				.append(escape(file.path("date").asText()))
				.append("</td><td class=\"fail\">NOT_TAKEN_IN</td><td></td><td></td><td></td><td></td><td>")
				.append(escape(file.path("reason").asText()))
				.append("</td></tr>\n");
		}
		this.html.append("</tbody></table>\n");
	}

	private void rejects() {
		section("rejects", "Rejected lines");
		boolean any = false;
		JsonNode samples = this.report.path("reject_samples");
		for (JsonNode file : this.report.path("manifest").path("files")) {
			JsonNode reasons = file.path("rejects_by_reason");
			if (reasons.isEmpty()) {
				continue;
			}
			any = true;
			this.html.append("<table class=\"rejects\"><caption>")
				.append(escape(file.path("file").asText()))
				.append("</caption><thead><tr><th>reason</th><th class=\"n\">lines</th>")
				.append("<th>first lines, as stored (masked)</th></tr></thead><tbody>\n");
			for (Iterator<Map.Entry<String, JsonNode>> it = reasons.fields(); it.hasNext();) {
				Map.Entry<String, JsonNode> reason = it.next();
				this.html.append("<tr><td>")
					.append(escape(reason.getKey()))
					.append("</td><td class=\"n\">")
					.append(count(reason.getValue().asLong()))
					.append("</td><td>");
				for (JsonNode sample : samples.path(file.path("file").asText()).path(reason.getKey())) {
					this.html.append("<pre>")
						.append(sample.path("line_number").asLong())
						.append(": ")
						.append(escape(sample.path("raw_line").asText()))
						.append("</pre>");
				}
				this.html.append("</td></tr>\n");
			}
			this.html.append("</tbody></table>\n");
		}
		if (!any) {
			this.html.append("<p>None.</p>\n");
		}
		this.html.append("<p class=\"muted\">Lines of applications and the card master are counted only:")
			.append(" they carry personal data, and stay in the outbox rejects/ folder.</p>\n");
	}

	private void waiting() {
		JsonNode manifest = this.report.path("manifest");
		section("waiting", "Held accounts and pending lines");
		JsonNode held = manifest.path("held_accounts");
		if (held.isEmpty()) {
			this.html.append("<p>No account is held.</p>\n");
		}
		else {
			this.html.append("<table id=\"held\"><thead><tr><th>account</th><th>held by</th><th>since</th>")
				.append("<th>reason</th></tr></thead><tbody>\n");
			for (JsonNode account : held) {
				this.html.append("<tr><td>")
					.append(escape(account.path("account_id").asText()))
					.append("</td><td>")
					.append(escape(account.path("job").asText()))
					.append("</td><td>")
					.append(escape(account.path("held_since").asText()))
					.append("</td><td>")
					.append(escape(account.path("reason").asText()))
					.append("</td></tr>\n");
			}
			this.html.append("</tbody></table>\n");
		}
		JsonNode pending = manifest.path("pending_lines");
		if (pending.isEmpty()) {
			this.html.append("<p>No line is waiting for its account.</p>\n");
		}
		else {
			this.html.append("<table id=\"pending\"><thead><tr><th>file</th>")
				.append("<th class=\"n\">lines waiting for their account</th></tr></thead><tbody>\n");
			for (Iterator<Map.Entry<String, JsonNode>> it = pending.fields(); it.hasNext();) {
				Map.Entry<String, JsonNode> file = it.next();
				this.html.append("<tr><td>")
					.append(escape(file.getKey()))
					.append("</td><td class=\"n\">")
					.append(count(file.getValue().asLong()))
					.append("</td></tr>\n");
			}
			this.html.append("</tbody></table>\n");
		}
	}

	private void trend() {
		section("trend", "The last " + this.trend.dates().size() + " run dates");
		if (this.trend.jobs().isEmpty()) {
			this.html.append("<p>No completed job yet.</p>\n");
			return;
		}
		this.html.append("<p class=\"muted\">")
			.append(escape(this.trend.dates().get(0).toString()))
			.append(" to ")
			.append(escape(this.trend.dates().get(this.trend.dates().size() - 1).toString()))
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
				.append(escape(job))
				.append("</td><td>")
				.append(bars(seconds, job + ": seconds per run date"))
				.append("</td><td class=\"n\">")
				.append(latest(seconds, "%.1f"))
				.append("</td><td>")
				.append(bars(rows, job + ": rows read per run date"))
				.append("</td><td class=\"n\">")
				.append(latest(rows, "%,.0f"))
				.append("</td></tr>\n");
		}
		this.html.append("</tbody></table>\n");
	}

	private static String latest(List<Double> values, String format) {
		Double last = values.get(values.size() - 1);
		return last == null ? "" : String.format(format, last);
	}

	private static String bars(List<Double> values, String label) {
		double max = values.stream().filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(0);
		StringBuilder svg = new StringBuilder("<svg width=\"" + values.size() * 9 + "\" height=\"24\" role=\"img\""
				+ " aria-label=\"" + escape(label) + "\">");
		for (int i = 0; i < values.size(); i++) {
			Double value = values.get(i);
			double height = value == null || max == 0 ? 0 : Math.max(value / max * 22, 1);
			svg.append(String.format("<rect x=\"%d\" y=\"%.1f\" width=\"7\" height=\"%.1f\" fill=\"#2f5d8a\"/>", i * 9,
					24 - height, height));
		}
		return svg.append("</svg>").toString();
	}

	private void section(String id, String title) {
		this.html.append("<h2 id=\"").append(id).append("\">").append(escape(title)).append("</h2>\n");
	}

	private static String check(boolean passed) {
		return passed ? "<td class=\"pass\">✓ balanced</td>" : "<td class=\"fail\">✗ does not balance</td>";
	}

	private static String part(JsonNode part) {
		if (part.isMissingNode() || part.isNull()) {
			return "";
		}
		return count(part.path("lines").asLong()) + " lines<br>" + yen(part.path("amount"));
	}

	private static String count(long value) {
		return String.format("%,d", value);
	}

	static String yen(JsonNode amount) {
		if (amount.isMissingNode() || amount.isNull()) {
			return "";
		}
		BigDecimal value = amount.decimalValue().stripTrailingZeros();
		String digits = value.scale() <= 0 ? String.format("%,d", value.abs().toBigInteger())
				: String.format("%,." + value.scale() + "f", value.abs());
		return (value.signum() < 0 ? "−¥" : "¥") + digits;
	}

	/** HTML text and attribute values alike; card-number-like digit runs masked again. */
	public static String escape(String value) {
		if (value == null) {
			return "";
		}
		String masked = PanGuard.mask(value);
		StringBuilder out = new StringBuilder(masked.length() + 16);
		for (int i = 0; i < masked.length(); i++) {
			char c = masked.charAt(i);
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

}
