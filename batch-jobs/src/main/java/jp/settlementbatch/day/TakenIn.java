package jp.settlementbatch.day;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jp.settlementbatch.support.intake.InboundFile;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which inbox files the batch has taken in ({@code batch.import_file}), and which it has
 * not. A file is taken in once an import decided on it (accepted, rejected, a duplicate,
 * or abandoned by an operator) and it has not changed since (same name and size): a
 * corrected file sent again under the same name is taken in again. The ledger starts on
 * the first date a file was accepted: files of earlier dates are listed, never taken in
 * by themselves.
 */
final class TakenIn {

	private static final Set<String> DECIDED = Set.of("ACCEPTED", "REJECTED", "DUPLICATE", "ABANDONED");

	private final JdbcTemplate jdbc;

	private final Inbox inbox;

	TakenIn(JdbcTemplate jdbc, Inbox inbox) {
		this.jdbc = jdbc;
		this.inbox = inbox;
	}

	/** The latest import of a file name. */
	record Import(String status, long size, String rejectReason, Integer accepted, Integer rejected,
			Integer duplicates) {

		boolean decided() {
			return DECIDED.contains(this.status);
		}

	}

	/** A file in the inbox no run has taken in, and why. */
	record Untaken(Inbox.Found found, String reason, boolean needsOperator) {

	}

	/** The latest import of each of {@code names}. */
	Map<String, Import> imports(List<String> names) {
		Map<String, Import> imports = new HashMap<>();
		if (names.isEmpty()) {
			return imports;
		}
		this.jdbc.query("""
				SELECT file_name, status, size_bytes, reject_reason, accepted_count, rejected_count, duplicate_count
				FROM batch.import_file WHERE file_name = ANY (?) ORDER BY file_id
				""", rs -> {
			imports.put(rs.getString(1), new Import(rs.getString(2), rs.getLong(3), rs.getString(4),
					(Integer) rs.getObject(5), (Integer) rs.getObject(6), (Integer) rs.getObject(7)));
		}, (Object) names.toArray(String[]::new));
		return imports;
	}

	static boolean takenIn(Inbox.Found found, Import latest) {
		return latest != null && latest.decided() && latest.size() == found.size();
	}

	/** The first date of the ledger, or {@code runDate} when nothing was accepted yet. */
	LocalDate firstDate(LocalDate runDate) {
		LocalDate first = this.jdbc.queryForObject(
				"SELECT min(business_date) FROM batch.import_file WHERE status = 'ACCEPTED' AND file_type <> 'CALENDAR'",
				LocalDate.class);
		return first == null || first.isAfter(runDate) ? runDate : first;
	}

	/**
	 * The earlier dates, oldest first, that have a file of {@code job} in the inbox that
	 * no run took in: the late files a run of {@code runDate} takes in.
	 */
	List<LocalDate> late(String job, LocalDate runDate) {
		List<InboundFile> kinds = InboundFile.of(job).stream().filter(InboundFile::dated).toList();
		LocalDate first = firstDate(runDate);
		List<Inbox.Found> found = this.inbox.find(kinds)
			.stream()
			.filter(f -> f.date().isBefore(runDate) && !f.date().isBefore(first))
			.toList();
		Map<String, Import> imports = imports(found.stream().map(Inbox.Found::name).toList());
		Set<LocalDate> dates = new TreeSet<>();
		for (Inbox.Found file : found) {
			if (!takenIn(file, imports.get(file.name()))) {
				dates.add(file.date());
			}
		}
		return new ArrayList<>(dates);
	}

	/** Every dated file in the inbox that no run took in, as seen on {@code runDate}. */
	List<Untaken> untaken(LocalDate runDate) {
		List<InboundFile> kinds = List.of(InboundFile.values()).stream().filter(InboundFile::dated).toList();
		List<Inbox.Found> found = this.inbox.find(kinds);
		Map<String, Import> imports = imports(found.stream().map(Inbox.Found::name).toList());
		LocalDate first = firstDate(runDate);
		List<Untaken> untaken = new ArrayList<>();
		for (Inbox.Found file : found) {
			Import latest = imports.get(file.name());
			if (takenIn(file, latest)) {
				continue;
			}
			if (file.date().isAfter(runDate)) {
				untaken.add(new Untaken(file, "dated after " + runDate + ": the run of " + file.date() + " takes it in",
						false));
			}
			else if (file.date().isBefore(first)) {
				untaken.add(new Untaken(file, "dated before " + first + ", the first date of this ledger: if it "
						+ "belongs, take it in with: run " + file.file().job() + " --business-date=" + file.date(),
						true));
			}
			else if (latest != null && !latest.decided()) {
				untaken.add(
						new Untaken(file,
								"its import did not complete (" + latest.status().toLowerCase()
										+ "): see executions --job=" + file.file().job() + "; the next run resumes it",
								true));
			}
			else if (latest != null) {
				untaken.add(new Untaken(file, "it changed since it was " + latest.status().toLowerCase()
						+ " (a resent file): the next run takes it in", true));
			}
			else if (file.date().isBefore(runDate)) {
				untaken.add(new Untaken(file, "late: the next run takes it in", true));
			}
			else {
				untaken.add(new Untaken(file, "not taken in yet: its import has not run for " + runDate, true));
			}
		}
		return untaken;
	}

}
