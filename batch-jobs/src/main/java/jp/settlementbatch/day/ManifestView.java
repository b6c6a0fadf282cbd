package jp.settlementbatch.day;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The manifest as {@code reports/daily_D.json} carries it (serialized by Jackson, in this
 * order), and as a terminal shows it ({@link #lines}).
 */
record ManifestView(List<File> files, List<Untaken> untaken, @JsonProperty("held_accounts") List<Held> heldAccounts,
		@JsonProperty("pending_lines") Map<String, Long> pendingLines,
		@JsonProperty("control_totals") Map<String, Object> controlTotals, List<String> attention,
		List<Action> actions) {

	/** A file of the date; counts only for a file that was decided. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record File(String file, String job, String date, boolean expected, String status, boolean late, Integer accepted,
			Integer rejected, Integer duplicates, Integer pending,
			@JsonProperty("rejects_by_reason") Map<String, Long> rejectsByReason, String reason) {

	}

	record Untaken(String file, String date, String uri, String reason) {

	}

	record Held(@JsonProperty("account_id") String accountId, String job, @JsonProperty("held_since") String heldSince,
			@JsonProperty("business_date") String businessDate, String reason) {

	}

	record Action(String attention, String command) {

	}

	static ManifestView of(Manifest manifest) {
		List<File> files = new ArrayList<>();
		for (Manifest.Entry entry : manifest.files()) {
			boolean decided = entry.accepted() != null;
			files.add(new File(entry.file(), entry.job(), entry.date().toString(), entry.expected(), entry.status(),
					entry.late(), entry.accepted(), decided ? entry.rejected() : null,
					decided ? entry.duplicates() : null,
					decided ? (entry.pending() == null ? Integer.valueOf(0) : entry.pending()) : null,
					decided ? manifest.rejectsByReason().getOrDefault(entry.file(), Map.of()) : null, entry.reason()));
		}
		List<Untaken> untaken = manifest.untaken()
			.stream()
			.map(file -> new Untaken(file.found().name(), file.found().date().toString(), file.found().uri(),
					file.reason()))
			.toList();
		List<Held> held = manifest.held()
			.stream()
			.map(account -> new Held(account.accountId(), account.job(), account.heldSince().toString(),
					account.businessDate().toString(), account.reason()))
			.toList();
		List<Action> actions = new ArrayList<>();
		manifest.actions().forEach((line, command) -> actions.add(new Action(line, command)));
		return new ManifestView(files, untaken, held, manifest.pendingByFile(), manifest.controlTotals().toJson(),
				manifest.attention(), actions);
	}

	/** For a terminal: one line per file, then what needs attention. */
	static List<String> lines(Manifest manifest) {
		List<String> lines = new ArrayList<>();
		for (Manifest.Entry entry : manifest.files()) {
			String counts = entry.accepted() == null ? ""
					: "  " + entry.accepted() + " accepted, " + entry.rejected() + " rejected, " + entry.duplicates()
							+ " duplicates" + (entry.pending() == null || entry.pending() == 0 ? ""
									: ", " + entry.pending() + " waiting for their account");
			lines.add(String.format("  %-28s %-12s%s%s%s", entry.file(), entry.status(), entry.late() ? " (late)" : "",
					entry.expected() ? "" : " (not expected)", counts));
			Map<String, Long> reasons = manifest.rejectsByReason().getOrDefault(entry.file(), Map.of());
			if (entry.accepted() != null && !reasons.isEmpty()) {
				lines.add("      rejected: " + reasons.entrySet()
					.stream()
					.map(reason -> reason.getKey() + " " + reason.getValue())
					.collect(Collectors.joining(", ")));
			}
		}
		for (TakenIn.Untaken file : manifest.untaken()) {
			lines.add(String.format("  %-28s %-12s %s", file.found().name(), "NOT_TAKEN_IN", file.reason()));
		}
		lines.add("  control totals: " + (manifest.controlTotals().attention().isEmpty()
				? "balanced (files, what the ledger posted, its movement, the invariant)"
				: "DO NOT BALANCE, see below"));
		manifest.pendingByFile()
			.forEach((file, count) -> lines
				.add(String.format("  %-28s %d lines waiting for their account (report.pending_line)", file, count)));
		for (String line : manifest.attention()) {
			lines.add("  ATTENTION: " + line);
		}
		return lines;
	}

}
