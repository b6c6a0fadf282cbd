package jp.settlementbatch.day;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The day page's sections on money and files: the control totals, the manifest, the
 * rejected lines (masked as stored) and the lines waiting for their account.
 */
final class FileSections {

	private final JsonNode report;

	private final StringBuilder html;

	FileSections(JsonNode report, StringBuilder html) {
		this.report = report;
		this.html = html;
	}

	void append() {
		controlTotals();
		manifest();
		rejects();
		waiting();
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
			this.html.append("<tr><td>").append(Html.escape(file.path("file").asText())).append("</td>");
			for (String part : List.of("trailer", "accepted", "pending", "rejected", "duplicates")) {
				this.html.append("<td class=\"n\">").append(Html.part(file.path(part))).append("</td>");
			}
			this.html.append(Html.check(balanced)).append("</tr>\n");
		}
		this.html.append("</tbody></table>\n");
		this.html.append("<table id=\"postings\"><caption>What the ledger posted = what was accepted for it")
			.append("</caption><thead><tr><th>kind</th><th class=\"n\">claimed</th><th class=\"n\">held back</th>")
			.append("<th class=\"n\">released</th><th class=\"n\">caught up</th><th class=\"n\">expected</th>")
			.append("<th class=\"n\">journal</th><th>check</th></tr></thead><tbody>\n");
		for (JsonNode posting : totals.path("posted")) {
			this.html.append("<tr><td>").append(Html.escape(posting.path("kind").asText())).append("</td>");
			for (String part : List.of("claimed", "held_back", "released", "caught_up", "expected", "journal")) {
				this.html.append("<td class=\"n\">").append(Html.yen(posting.path(part))).append("</td>");
			}
			this.html.append(Html.check(posting.path("balanced").asBoolean(false))).append("</tr>\n");
		}
		this.html.append("</tbody></table>\n");
		JsonNode movement = totals.path("ledger_movement");
		if (movement.isObject()) {
			this.html.append("<table id=\"movement\"><caption>The ledger moved by exactly its journal</caption>")
				.append("<thead><tr><th>since</th><th class=\"n\">owed before</th><th class=\"n\">owed now</th>")
				.append("<th class=\"n\">moved</th><th class=\"n\">journal</th><th>check</th></tr></thead><tbody>")
				.append("<tr><td>")
				.append(Html.escape(movement.path("since").asText("the beginning")))
				.append("</td>");
			for (String part : List.of("owed_before", "owed_now", "moved", "journal")) {
				this.html.append("<td class=\"n\">").append(Html.yen(movement.path(part))).append("</td>");
			}
			this.html.append(Html.check(movement.path("balanced").asBoolean(false))).append("</tr></tbody></table>\n");
		}
		else if (movement.isTextual()) {
			this.html.append("<p>Ledger movement: ").append(Html.escape(movement.asText())).append(".</p>\n");
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
				.append(Html.escape(file.path("file").asText()))
				.append("</td><td>")
				.append(Html.escape(file.path("date").asText()))
				.append(file.path("late").asBoolean() ? " (late)" : "")
				.append("</td><td class=\"")
				.append(Set.of("REJECTED", "MISSING", "UNRECOGNIZED").contains(status) ? "fail" : "")
				.append("\">")
				.append(Html.escape(status))
				.append(file.path("expected").asBoolean(true) ? "" : " (not expected)")
				.append("</td>");
			for (String part : List.of("accepted", "rejected", "duplicates", "pending")) {
				this.html.append("<td class=\"n\">")
					.append(file.hasNonNull(part) ? Html.count(file.path(part).asLong()) : "")
					.append("</td>");
			}
			this.html.append("<td>").append(Html.escape(file.path("reason").asText(""))).append("</td></tr>\n");
		}
		for (JsonNode file : manifest.path("untaken")) {
			this.html.append("<tr><td>")
				.append(Html.escape(file.path("file").asText()))
				.append("</td><td>")
				.append(Html.escape(file.path("date").asText()))
				.append("</td><td class=\"fail\">NOT_TAKEN_IN</td><td></td><td></td><td></td><td></td><td>")
				.append(Html.escape(file.path("reason").asText()))
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
				.append(Html.escape(file.path("file").asText()))
				.append("</caption><thead><tr><th>reason</th><th class=\"n\">lines</th>")
				.append("<th>first lines, as stored (masked)</th></tr></thead><tbody>\n");
			for (Iterator<Map.Entry<String, JsonNode>> it = reasons.fields(); it.hasNext();) {
				Map.Entry<String, JsonNode> reason = it.next();
				this.html.append("<tr><td>")
					.append(Html.escape(reason.getKey()))
					.append("</td><td class=\"n\">")
					.append(Html.count(reason.getValue().asLong()))
					.append("</td><td>");
				for (JsonNode sample : samples.path(file.path("file").asText()).path(reason.getKey())) {
					this.html.append("<pre>")
						.append(sample.path("line_number").asLong())
						.append(": ")
						.append(Html.escape(sample.path("raw_line").asText()))
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
					.append(Html.escape(account.path("account_id").asText()))
					.append("</td><td>")
					.append(Html.escape(account.path("job").asText()))
					.append("</td><td>")
					.append(Html.escape(account.path("held_since").asText()))
					.append("</td><td>")
					.append(Html.escape(account.path("reason").asText()))
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
					.append(Html.escape(file.getKey()))
					.append("</td><td class=\"n\">")
					.append(Html.count(file.getValue().asLong()))
					.append("</td></tr>\n");
			}
			this.html.append("</tbody></table>\n");
		}
	}

	private void section(String id, String title) {
		this.html.append("<h2 id=\"").append(id).append("\">").append(Html.escape(title)).append("</h2>\n");
	}

}
