package jp.settlementbatch.day;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

	/** Lines waiting for their account. */
	private final ManifestRepository.Pending pending;

	/** The day's reconciliation. */
	private final ControlTotals controlTotals;

	/** An account held for an operator by a ledger job (ledger.md). */
	public record Held(String accountId, String job, LocalDate heldSince, LocalDate businessDate, String reason) {

	}

	private Manifest(LocalDate runDate, List<Entry> files, List<TakenIn.Untaken> untaken, List<Held> held,
			List<String> attention, Map<String, String> actions, Map<String, Map<String, Long>> rejectsByReason,
			ManifestRepository.Pending pending, ControlTotals controlTotals) {
		this.actions = actions;
		this.controlTotals = controlTotals;
		this.runDate = runDate;
		this.files = files;
		this.untaken = untaken;
		this.held = held;
		this.attention = attention;
		this.rejectsByReason = rejectsByReason;
		this.pending = pending;
	}

	public static Manifest of(JdbcTemplate jdbc, Inbox inbox, LocalDate runDate) {
		DailyWorkflow workflow = DailyWorkflow.defined();
		Set<LocalDate> holidays = Holidays.of(jdbc);
		TakenIn takenIn = new TakenIn(jdbc, inbox);
		ManifestRepository records = new ManifestRepository(jdbc);
		List<Entry> files = new ArrayList<>();
		List<String> attention = new ArrayList<>();
		Map<String, String> actions = new LinkedHashMap<>();
		String check = "settlement-batch files --business-date=" + runDate;
		List<Inbox.NearMiss> nearMisses = inbox.nearMisses(runDate);
		for (InboundFile kind : InboundFile.values()) {
			String name = kind.fileName(runDate);
			boolean expected = workflow.expected(kind).includes(runDate, holidays);
			Optional<ManifestRepository.Decided> decided = records.latest(kind, name, runDate);
			boolean present = inbox.has(kind, runDate);
			if (decided.isPresent()) {
				files.add(entry(decided.get(), expected));
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
		for (ManifestRepository.Decided late : records.takenInLate(runDate)) {
			files.add(entry(late, workflow.expected(late.kind()).includes(late.date(), holidays)));
		}
		Map<String, Map<String, Long>> rejectsByReason = new LinkedHashMap<>();
		for (ManifestRepository.Rejects rejects : records.rejects(runDate)) {
			rejectsByReason.computeIfAbsent(rejects.file(), f -> new LinkedHashMap<>())
				.put(rejects.reason(), rejects.count());
			if ("PAN_DETECTED".equals(rejects.reason())) {
				act(attention, actions, "Incident: the sender put card numbers in " + rejects.file() + ", line"
						+ (rejects.count() == 1 ? " " : "s ") + rejects.firstLines()
						+ (rejects.count() > 10 ? " and more" : "")
						+ ". The lines were rejected and are kept masked only; tell the security officer and the"
						+ " sender.", rejects(rejects.file(), "PAN_DETECTED"));
			}
		}
		ManifestRepository.Pending pending = records.pending(runDate);
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
		for (ManifestRepository.Expired expired : records.expired(runDate)) {
			act(attention, actions, expired.count() + " lines of " + expired.file()
					+ " waited too long for an account that never came into the card master and were turned away"
					+ " (UNKNOWN_ACCOUNT): see " + expired.file()
					+ ".expired.rejects.csv in the outbox rejects/ folder, and ask the card master's sender.",
					rejects(expired.file(), "UNKNOWN_ACCOUNT"));
		}
		List<TakenIn.Untaken> untaken = takenIn.untaken(runDate);
		for (TakenIn.Untaken file : untaken) {
			if (file.needsOperator()) {
				act(attention, actions,
						file.found().name() + " is in the inbox but was not taken in: " + file.reason() + ".", check);
			}
		}
		List<Held> held = records.held(runDate);
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
		return new Manifest(runDate, files, untaken, held, attention, actions, rejectsByReason, pending, totals);
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

	private static Entry entry(ManifestRepository.Decided file, boolean expected) {
		return new Entry(file.file(), file.kind().job(), file.date(), expected, file.status(), file.late(),
				file.accepted(), file.rejected(), file.duplicates(), file.pending(), file.reason());
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
		metrics.add(
				Metric.count("PendingLines", this.pending.byFile().values().stream().mapToLong(Long::longValue).sum()));
		metrics.add(Metric.count("PendingLinesOverADay", this.pending.overADay()));
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

	/** Lines waiting for their account, per file. */
	public Map<String, Long> pendingByFile() {
		return this.pending.byFile();
	}

	/** As {@code reports/daily_D.json} carries it (a record Jackson serializes). */
	public Object toJson() {
		return ManifestView.of(this);
	}

	/** For a terminal: one line per file, then what needs attention. */
	public List<String> lines() {
		return ManifestView.lines(this);
	}

}
