package jp.settlementbatch.day;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.settlementbatch.support.intake.InboundFile;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What {@link Manifest} reads of a run date: the files decided
 * ({@code batch.import_file}), their rejected lines ({@code batch.import_reject}), the
 * lines waiting for their account ({@code report.pending_line}, {@code import_pending})
 * and the accounts held ({@code report.held_account}).
 */
final class ManifestRepository {

	private final JdbcTemplate jdbc;

	ManifestRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A decided file as {@code batch.import_file} has it. */
	record Decided(String file, InboundFile kind, LocalDate date, String status, Integer accepted, Integer rejected,
			Integer duplicates, Integer pending, String reason, boolean late) {

	}

	/** The latest decision on the file {@code name} of {@code date}, if any. */
	Optional<Decided> latest(InboundFile kind, String name, LocalDate date) {
		return this.jdbc
			.query("""
					SELECT f.status, f.accepted_count, f.rejected_count, f.duplicate_count, f.pending_count,
					       f.reject_reason, f.taken_in_on > f.business_date AS late
					FROM batch.import_file f
					WHERE f.file_name = ? AND f.business_date = ? AND f.status IN ('ACCEPTED', 'REJECTED', 'DUPLICATE')
					ORDER BY f.file_id DESC LIMIT 1
					""",
					(rs, n) -> new Decided(name, kind, date, rs.getString(1), (Integer) rs.getObject(2),
							(Integer) rs.getObject(3), (Integer) rs.getObject(4), (Integer) rs.getObject(5),
							rs.getString(6), rs.getBoolean(7)),
					name, date)
			.stream()
			.findFirst();
	}

	/** Files of earlier dates the run of {@code runDate} took in, oldest first. */
	List<Decided> takenInLate(LocalDate runDate) {
		return this.jdbc.query("""
				SELECT f.file_name, f.file_type, f.business_date, f.status, f.accepted_count, f.rejected_count,
				       f.duplicate_count, f.pending_count, f.reject_reason
				FROM batch.import_file f
				WHERE f.taken_in_on = ? AND f.business_date < ? AND f.file_type <> 'CALENDAR'
				  AND f.status IN ('ACCEPTED', 'REJECTED', 'DUPLICATE')
				ORDER BY f.business_date, f.file_id
				""", (rs, n) -> new Decided(rs.getString(1), InboundFile.valueOf(rs.getString(2)),
				rs.getObject(3, LocalDate.class), rs.getString(4), (Integer) rs.getObject(5), (Integer) rs.getObject(6),
				(Integer) rs.getObject(7), (Integer) rs.getObject(8), rs.getString(9), true), runDate, runDate);
	}

	/**
	 * Rejected lines of one file and reason: how many, and the first ten line numbers.
	 */
	record Rejects(String file, String reason, long count, String firstLines) {

	}

	/**
	 * The rejected lines of the files of the date or taken in on it, per file and reason.
	 */
	List<Rejects> rejects(LocalDate runDate) {
		return this.jdbc.query("""
				SELECT f.file_name, r.reason, count(*),
				       array_to_string((array_agg(r.line_number ORDER BY r.line_number))[1:10], ', ')
				FROM batch.import_reject r
				JOIN batch.import_file f ON f.file_id = r.file_id
				WHERE (f.business_date = ? OR f.taken_in_on = ?) AND f.status IN ('ACCEPTED', 'REJECTED')
				GROUP BY f.file_name, r.reason ORDER BY f.file_name, r.reason""",
				(rs, n) -> new Rejects(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)), runDate,
				runDate);
	}

	/** Lines waiting for their account: per file, and how many since an earlier date. */
	record Pending(Map<String, Long> byFile, long overADay) {

	}

	Pending pending(LocalDate runDate) {
		Map<String, Long> byFile = new LinkedHashMap<>();
		long[] overADay = { 0 };
		this.jdbc.query("""
				SELECT file_name, count(*), count(*) FILTER (WHERE pending_since < ?) FROM report.pending_line
				WHERE pending_since <= ? GROUP BY file_name ORDER BY file_name""", rs -> {
			byFile.put(rs.getString(1), rs.getLong(2));
			overADay[0] += rs.getLong(3);
		}, runDate, runDate);
		return new Pending(byFile, overADay[0]);
	}

	/** Lines of one file that waited too long for their account and were turned away. */
	record Expired(String file, long count) {

	}

	List<Expired> expired(LocalDate runDate) {
		return this.jdbc.query("""
				SELECT f.file_name, count(*) FROM batch.import_pending p
				JOIN batch.import_file f ON f.file_id = p.file_id
				WHERE p.expired_on = ? GROUP BY f.file_name ORDER BY f.file_name""",
				(rs, n) -> new Expired(rs.getString(1), rs.getLong(2)), runDate);
	}

	/** The accounts held for an operator on the date. */
	List<Manifest.Held> held(LocalDate runDate) {
		return this.jdbc.query("""
				SELECT account_id, job, held_since, business_date, reason FROM report.held_account
				WHERE held_since <= ? ORDER BY account_id, job""", (rs, n) -> new Manifest.Held(rs.getString(1),
				rs.getString(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getString(5)),
				runDate);
	}

}
