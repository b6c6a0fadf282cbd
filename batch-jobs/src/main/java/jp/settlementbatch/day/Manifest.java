package jp.settlementbatch.day;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.settlementbatch.calendar.Holidays;
import jp.settlementbatch.support.files.FileStore;
import jp.settlementbatch.support.intake.InboundFile;
import jp.settlementbatch.support.progress.EmbeddedMetrics.Metric;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The files of one run date, for operators ({@code reports/daily_D.json}, the end of
 * {@code daily} and {@code files}): every inbound file of the date, expected or not, with
 * what became of it; the late files the run took in; and every file in the inbox that no
 * run took in, with why. What needs an operator (a missing expected file, a rejected
 * file, a file left untaken) is listed under {@link #attention()}.
 */
public final class Manifest {

	/** ACCEPTED, REJECTED, DUPLICATE, ABANDONED: what the import decided. */
	public record Entry(String file, String job, LocalDate date, boolean expected, String status, boolean late,
			Integer accepted, Integer rejected, Integer duplicates, Integer pending, String reason) {

	}

	private final LocalDate runDate;

	private final List<Entry> files;

	private final List<TakenIn.Untaken> untaken;

	private final List<Held> held;

	private final List<String> attention;

	/** Per attention line: the command that shows or mends it, where one does. */
	private final Map<String, String> actions;

	/** Per file of the date: its rejected lines counted per reason. */
	private final Map<String, Map<String, Long>> rejectsByReason;

	/** Lines waiting for their account, per file. */
	private final Map<String, Long> pendingByFile;

	/** The day's reconciliation. */
	private final ControlTotals controlTotals;

	/** Lines that have waited for their account since an earlier date. */
	private long pendingOverADay;

	/** An account held for an operator by a ledger job (ledger.md). */
	public record Held(String accountId, String job, LocalDate heldSince, LocalDate businessDate, String reason) {

	}

	private Manifest(LocalDate runDate, List<Entry> files, List<TakenIn.Untaken> untaken, List<Held> held,
			List<String> attention, Map<String, String> actions, Map<String, Map<String, Long>> rejectsByReason,
			Map<String, Long> pendingByFile, ControlTotals controlTotals) {
		this.actions = actions;
		this.controlTotals = controlTotals;
		this.runDate = runDate;
		this.files = files;
		this.untaken = untaken;
		this.held = held;
		this.attention = attention;
		this.rejectsByReason = rejectsByReason;
		this.pendingByFile = pendingByFile;
	}

	public static Manifest of(JdbcTemplate jdbc, Inbox inbox, LocalDate runDate) {
		DailyWorkflow workflow = DailyWorkflow.defined();
		Set<LocalDate> holidays = Holidays.of(jdbc);
		TakenIn takenIn = new TakenIn(jdbc, inbox);
		List<Entry> files = new ArrayList<>();
		List<String> attention = new ArrayList<>();
		Map<String, String> actions = new LinkedHashMap<>();
		String check = "settlement-batch files --business-date=" + runDate;
		List<Inbox.NearMiss> nearMisses = inbox.nearMisses(runDate);
		for (InboundFile kind : InboundFile.values()) {
			String name = kind.fileName(runDate);
			boolean expected = workflow.expected(kind).includes(runDate, holidays);
			Map<String, Object> decided = latest(jdbc, kind, name, runDate);
			boolean present = inbox.has(kind, runDate);
			if (decided != null) {
				files.add(entry(name, kind, runDate, expected, decided));
			}
			else if (present) {
				files.add(new Entry(name, kind.job(), runDate, expected, "RECEIVED", false, null, null, null, null,
						"in the inbox, not taken in yet"));
			}
			else if (expected) {
				files.add(new Entry(name, kind.job(), runDate, true, "MISSING", false, null, null, null, null,
						"its sender sends it " + workflow.expected(kind).describe()));
				if (nearMisses.stream().noneMatch(miss -> miss.meant() == kind)) {
					act(attention, actions,
							name + " is missing: it is expected on " + runDate + " ("
									+ workflow.expected(kind).describe()
									+ "). Ask its sender; the next run takes it in when it comes.",
							check);
				}
			}
			else if (kind.dated()) {
				files.add(new Entry(name, kind.job(), runDate, false, "NOT_EXPECTED", false, null, null, null, null,
						"its sender sends it " + workflow.expected(kind).describe()));
			}
		}
		for (Inbox.NearMiss miss : nearMisses) {
			files.add(new Entry(miss.name(), miss.meant().job(), runDate,
					workflow.expected(miss.meant()).includes(runDate, holidays), "UNRECOGNIZED", false, null, null,
					null, null, "probably " + miss.meantName() + ": " + miss.uri()));
			act(attention, actions,
					"\"" + miss.name() + "\" is in the inbox (" + miss.uri()
							+ ") but no file is named so: it is probably " + miss.meantName()
							+ ". Rename it (or ask its sender to send it as " + miss.meantName()
							+ "); the next run takes it in.",
					rename(miss.uri(), miss.meantName()));
		}
		// files of earlier dates this run took in
		jdbc.query("""
				SELECT f.file_name, f.file_type, f.business_date, f.status, f.accepted_count, f.rejected_count,
				       f.duplicate_count, f.reject_reason, f.pending_count
				FROM batch.import_file f
				WHERE f.taken_in_on = ? AND f.business_date < ? AND f.file_type <> 'CALENDAR'
				  AND f.status IN ('ACCEPTED', 'REJECTED', 'DUPLICATE')
				ORDER BY f.business_date, f.file_id
				""", rs -> {
			InboundFile kind = InboundFile.valueOf(rs.getString(2));
			LocalDate date = rs.getObject(3, LocalDate.class);
			files.add(new Entry(rs.getString(1), kind.job(), date, workflow.expected(kind).includes(date, holidays),
					rs.getString(4), true, (Integer) rs.getObject(5), (Integer) rs.getObject(6),
					(Integer) rs.getObject(7), (Integer) rs.getObject(9), rs.getString(8)));
		}, runDate, runDate);
		Map<String, Map<String, Long>> rejectsByReason = new LinkedHashMap<>();
		jdbc.query("""
				SELECT f.file_name, r.reason, count(*),
				       (array_agg(r.line_number ORDER BY r.line_number))[1:10]::text
				FROM batch.import_reject r
				JOIN batch.import_file f ON f.file_id = r.file_id
				WHERE (f.business_date = ? OR f.taken_in_on = ?) AND f.status IN ('ACCEPTED', 'REJECTED')
				GROUP BY f.file_name, r.reason ORDER BY f.file_name, r.reason""", rs -> {
			rejectsByReason.computeIfAbsent(rs.getString(1), f -> new LinkedHashMap<>())
				.put(rs.getString(2), rs.getLong(3));
			if ("PAN_DETECTED".equals(rs.getString(2))) {
				String lines = rs.getString(4).replaceAll("[{}]", "").replace(",", ", ");
				act(attention, actions, "Incident: the sender put card numbers in " + rs.getString(1) + ", line"
						+ (rs.getLong(3) == 1 ? " " : "s ") + lines + (rs.getLong(3) > 10 ? " and more" : "")
						+ ". The lines were rejected and are kept masked only; tell the security officer and the"
						+ " sender.", rejects(rs.getString(1), "PAN_DETECTED"));
			}
		}, runDate, runDate);
		Map<String, Long> pendingByFile = new LinkedHashMap<>();
		long[] pendingOverADay = { 0 };
		jdbc.query("""
				SELECT file_name, count(*), count(*) FILTER (WHERE pending_since < ?) FROM report.pending_line
				WHERE pending_since <= ? GROUP BY file_name ORDER BY file_name""", rs -> {
			pendingByFile.put(rs.getString(1), rs.getLong(2));
			pendingOverADay[0] += rs.getLong(3);
		}, runDate, runDate);
		for (Entry entry : files) {
			if ("REJECTED".equals(entry.status())) {
				act(attention, actions, entry.file() + (entry.late() ? " (late)" : "") + " was rejected ("
						+ entry.reason()
						+ "): see report.import_reject and the outbox rejects/ folder, then ask its sender for a corrected file.",
						entry.reason() != null && (entry.reason().startsWith("REJECT_RATIO_EXCEEDED")
								|| entry.reason().startsWith("CONFLICTING_FILE"))
										? "settlement-batch retake " + entry.file() + " --business-date=" + entry.date()
												+ " --reason='<why it may be taken again>'"
										: rejects(entry.file(), null));
			}
		}
		jdbc.query("""
				SELECT f.file_name, p.expired_on, count(*) FROM batch.import_pending p
				JOIN batch.import_file f ON f.file_id = p.file_id
				WHERE p.expired_on = ? GROUP BY f.file_name, p.expired_on ORDER BY f.file_name""", rs -> {
			act(attention, actions, rs.getLong(3) + " lines of " + rs.getString(1)
					+ " waited too long for an account that never came into the card master and were turned away"
					+ " (UNKNOWN_ACCOUNT): see " + rs.getString(1)
					+ ".expired.rejects.csv in the outbox rejects/ folder, and ask the card master's sender.",
					rejects(rs.getString(1), "UNKNOWN_ACCOUNT"));
		}, runDate);
		List<TakenIn.Untaken> untaken = takenIn.untaken(runDate);
		for (TakenIn.Untaken file : untaken) {
			if (file.needsOperator()) {
				act(attention, actions,
						file.found().name() + " is in the inbox but was not taken in: " + file.reason() + ".", check);
			}
		}
		List<Held> held = jdbc.query("""
				SELECT account_id, job, held_since, business_date, reason FROM report.held_account
				WHERE held_since <= ? ORDER BY account_id, job""", (rs, n) -> new Held(rs.getString(1), rs.getString(2),
				rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getString(5)), runDate);
		for (Held account : held.subList(0, Math.min(held.size(), 10))) {
			act(attention, actions,
					"account " + account.accountId() + " is held by " + account.job() + " since " + account.heldSince()
							+ ": " + account.reason() + ". Nothing of it is written for that job; mend"
							+ " the cause, and its next run takes it in and catches it up.",
					sql("SELECT * FROM report.held_account WHERE account_id = " + literal(account.accountId())));
		}
		if (held.size() > 10) {
			act(attention, actions, (held.size() - 10) + " more accounts are held: see report.held_account.",
					sql("SELECT * FROM report.held_account"));
		}
		ControlTotals totals = ControlTotals.of(jdbc, runDate);
		for (String line : totals.attention()) {
			act(attention, actions, line, line.contains("ledger") ? sql("SELECT * FROM report.ledger_check") : check);
		}
		Manifest manifest = new Manifest(runDate, files, untaken, held, attention, actions, rejectsByReason,
				pendingByFile, totals);
		manifest.pendingOverADay = pendingOverADay[0];
		return manifest;
	}

	private static void act(List<String> attention, Map<String, String> actions, String line, String command) {
		attention.add(line);
		actions.put(line, command);
	}

	/** The rejected lines of a file (masked as stored), of one reason or all. */
	private static String rejects(String file, String reason) {
		return sql("SELECT line_number, reason, raw_line FROM report.import_reject WHERE file_name = " + literal(file)
				+ (reason == null ? "" : " AND reason = " + literal(reason)) + " ORDER BY line_number");
	}

	private static String sql(String query) {
		return "psql \"$SPRING_DATASOURCE_URL\" -c \"" + query + "\"";
	}

	/** A SQL string literal that a shell's double quotes keep as it is. */
	private static String literal(String value) {
		return "'" + value.replace("'", "''").replaceAll("[\"$`\\\\]", "_") + "'";
	}

	/** The command that renames a near miss in its folder or S3 prefix. */
	private static String rename(String uri, String meantName) {
		String target = uri.substring(0, uri.lastIndexOf('/') + 1) + meantName;
		boolean s3 = FileStore.isS3(uri);
		String from = s3 ? uri : FileStore.localPath(uri).toString();
		String to = s3 ? target : FileStore.localPath(target).toString();
		return (s3 ? "aws s3 mv " : "mv ") + shellQuoted(from) + " " + shellQuoted(to);
	}

	private static String shellQuoted(String value) {
		return "'" + value.replace("'", "'\\''") + "'";
	}

	private static Map<String, Object> latest(JdbcTemplate jdbc, InboundFile kind, String name, LocalDate runDate) {
		List<Map<String, Object>> rows = jdbc.queryForList("""
				SELECT f.status, f.accepted_count, f.rejected_count, f.duplicate_count, f.pending_count,
				       f.reject_reason, f.taken_in_on > f.business_date AS late
				FROM batch.import_file f
				WHERE f.file_name = ? AND f.business_date = ? AND f.status IN ('ACCEPTED', 'REJECTED', 'DUPLICATE')
				ORDER BY f.file_id DESC LIMIT 1
				""", name, runDate);
		return rows.isEmpty() ? null : rows.get(0);
	}

	private static Entry entry(String name, InboundFile kind, LocalDate date, boolean expected,
			Map<String, Object> row) {
		return new Entry(name, kind.job(), date, expected, (String) row.get("status"),
				Boolean.TRUE.equals(row.get("late")), (Integer) row.get("accepted_count"),
				(Integer) row.get("rejected_count"), (Integer) row.get("duplicate_count"),
				(Integer) row.get("pending_count"), (String) row.get("reject_reason"));
	}

	public LocalDate runDate() {
		return this.runDate;
	}

	public List<Entry> files() {
		return this.files;
	}

	public List<TakenIn.Untaken> untaken() {
		return this.untaken;
	}

	/** The accounts held for an operator, as the run date found them. */
	public List<Held> held() {
		return this.held;
	}

	/**
	 * The day's metrics line (EMF): what needs an operator, whether the control totals
	 * balance, the lines waiting and the accounts held. The alarms of the day use them.
	 */
	public List<Metric> metrics() {
		List<Metric> metrics = new ArrayList<>();
		metrics.add(Metric.count("Attention", this.attention.size()));
		metrics.add(Metric.count("ControlTotalsUnbalanced", this.controlTotals.attention().size()));
		metrics
			.add(Metric.count("PendingLines", this.pendingByFile.values().stream().mapToLong(Long::longValue).sum()));
		metrics.add(Metric.count("PendingLinesOverADay", this.pendingOverADay));
		metrics.add(Metric.count("AccountsHeldOnDay", this.held.size()));
		metrics.add(Metric.count("PanIncidents",
				this.rejectsByReason.values().stream().mapToLong(r -> r.getOrDefault("PAN_DETECTED", 0L)).sum()));
		return metrics;
	}

	public ControlTotals controlTotals() {
		return this.controlTotals;
	}

	/** Per file: its rejected lines counted per reason. */
	public Map<String, Map<String, Long>> rejectsByReason() {
		return this.rejectsByReason;
	}

	/**
	 * Per attention line, the command that shows or mends it (the CLI's; on AWS the same
	 * arguments through {@code step-functions/ops.sh}).
	 */
	public Map<String, String> actions() {
		return this.actions;
	}

	/** One line per thing an operator must act on; empty when all is well. */
	public List<String> attention() {
		return this.attention;
	}

	/** As {@code reports/daily_D.json} carries it. */
	public Map<String, Object> toJson() {
		List<Map<String, Object>> files = new ArrayList<>();
		for (Entry entry : this.files) {
			Map<String, Object> file = new LinkedHashMap<>();
			file.put("file", entry.file());
			file.put("job", entry.job());
			file.put("date", entry.date().toString());
			file.put("expected", entry.expected());
			file.put("status", entry.status());
			file.put("late", entry.late());
			if (entry.accepted() != null) {
				file.put("accepted", entry.accepted());
				file.put("rejected", entry.rejected());
				file.put("duplicates", entry.duplicates());
				file.put("pending", entry.pending() == null ? 0 : entry.pending());
				file.put("rejects_by_reason", this.rejectsByReason.getOrDefault(entry.file(), Map.of()));
			}
			if (entry.reason() != null) {
				file.put("reason", entry.reason());
			}
			files.add(file);
		}
		List<Map<String, Object>> untaken = new ArrayList<>();
		for (TakenIn.Untaken file : this.untaken) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("file", file.found().name());
			entry.put("date", file.found().date().toString());
			entry.put("uri", file.found().uri());
			entry.put("reason", file.reason());
			untaken.add(entry);
		}
		List<Map<String, Object>> held = new ArrayList<>();
		for (Held account : this.held) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("account_id", account.accountId());
			entry.put("job", account.job());
			entry.put("held_since", account.heldSince().toString());
			entry.put("business_date", account.businessDate().toString());
			entry.put("reason", account.reason());
			held.add(entry);
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("files", files);
		json.put("untaken", untaken);
		json.put("held_accounts", held);
		json.put("pending_lines", this.pendingByFile);
		json.put("control_totals", this.controlTotals.toJson());
		json.put("attention", this.attention);
		List<Map<String, String>> actions = new ArrayList<>();
		this.actions.forEach((line, command) -> {
			Map<String, String> action = new LinkedHashMap<>();
			action.put("attention", line);
			action.put("command", command);
			actions.add(action);
		});
		json.put("actions", actions);
		return json;
	}

	/** For a terminal: one line per file, then what needs attention. */
	public List<String> lines() {
		List<String> lines = new ArrayList<>();
		for (Entry entry : this.files) {
			String counts = entry.accepted() == null ? ""
					: "  " + entry.accepted() + " accepted, " + entry.rejected() + " rejected, " + entry.duplicates()
							+ " duplicates" + (entry.pending() == null || entry.pending() == 0 ? ""
									: ", " + entry.pending() + " waiting for their account");
			lines.add(String.format("  %-28s %-12s%s%s%s", entry.file(), entry.status(), entry.late() ? " (late)" : "",
					entry.expected() ? "" : " (not expected)", counts));
			Map<String, Long> reasons = this.rejectsByReason.getOrDefault(entry.file(), Map.of());
			if (entry.accepted() != null && !reasons.isEmpty()) {
				lines.add("      rejected: " + reasons.entrySet()
					.stream()
					.map(reason -> reason.getKey() + " " + reason.getValue())
					.collect(java.util.stream.Collectors.joining(", ")));
			}
		}
		for (TakenIn.Untaken file : this.untaken) {
			lines.add(String.format("  %-28s %-12s %s", file.found().name(), "NOT_TAKEN_IN", file.reason()));
		}
		lines.add("  control totals: " + (this.controlTotals.attention().isEmpty()
				? "balanced (files, what the ledger posted, its movement, the invariant)"
				: "DO NOT BALANCE, see below"));
		this.pendingByFile.forEach((file, count) -> lines
			.add(String.format("  %-28s %d lines waiting for their account (report.pending_line)", file, count)));
		for (String line : this.attention) {
			lines.add("  ATTENTION: " + line);
		}
		return lines;
	}

}
