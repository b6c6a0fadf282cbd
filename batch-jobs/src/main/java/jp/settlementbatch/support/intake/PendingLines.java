package jp.settlementbatch.support.intake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jp.settlementbatch.support.db.PgCopy;
import jp.settlementbatch.support.files.FileStore;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Lines that wait for their account (files.md): a cash-flow or repayment line whose
 * account is not in the card master yet is taken in as pending: stored with its file,
 * {@code pending_since} its business date, not posted and not a reject (the reject ratio
 * does not count it). Its masked raw text waits in {@code batch.import_pending}.
 *
 * <ul>
 * <li>The first ledger job of every run date releases the pending lines whose account is
 * in the card master now (a cash flow's account not closed, and not held by a posting
 * job): {@code released_on} is that date, and its jobs post them with their own value
 * dates, as a late file's.</li>
 * <li>A line still pending after the given number of days becomes a reject
 * ({@code UNKNOWN_ACCOUNT}, or {@code ACCOUNT_CLOSED} when the account came closed) in a
 * reject file of its own.</li>
 * </ul>
 * Each file's counts follow: pending, then accepted or rejected.
 */
public final class PendingLines {

	/** The two kinds whose lines may wait, by table. */
	static final Map<String, String> TABLES = Map.of("CASH_FLOWS", "payment.cash_flow", "REPAYMENTS",
			"repayment.repayment");

	/** A pending line turned away at last, for its reject file. */
	public record Expired(long fileId, String fileName, int lineNumber, String reason, String rawLine) {

	}

	/**
	 * Writes the reject file of each file whose pending lines were turned away:
	 * {@code <outbox>/rejects/<file>.expired.rejects.csv}, as the import's own reject
	 * file.
	 */
	public static void writeRejectFiles(FileStore files, String outbox, List<Expired> expired) throws Exception {
		Map<String, List<Expired>> byFile = new LinkedHashMap<>();
		expired.forEach(e -> byFile.computeIfAbsent(e.fileName(), f -> new ArrayList<>()).add(e));
		for (Map.Entry<String, List<Expired>> file : byFile.entrySet()) {
			String target = FileStore.resolve(outbox, "rejects", file.getKey() + ".expired.rejects.csv");
			RejectFile.write(files, target,
					writer -> file.getValue()
						.stream()
						.sorted(java.util.Comparator.comparingInt(Expired::lineNumber))
						.forEach(e -> writer.line(e.lineNumber(), e.reason(), e.rawLine())));
		}
	}

	private final JdbcTemplate jdbc;

	public PendingLines(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Marks the pending lines of a chunk just written (those its key did not turn away),
	 * in the chunk's transaction, and keeps their masked raw text.
	 */
	void wait(FileKind kind, long fileId, LocalDate businessDate, List<CheckedLine> written) {
		Map<Integer, String> pending = new LinkedHashMap<>();
		for (CheckedLine line : written) {
			if (line.pending()) {
				pending.put(line.lineNumber(), line.maskedRaw());
			}
		}
		if (pending.isEmpty()) {
			return;
		}
		List<Integer> marked = this.jdbc.queryForList(
				"UPDATE " + kind.table()
						+ " SET pending_since = ? WHERE file_id = ? AND line_number = ANY (CAST(? AS INTEGER[]))"
						+ " AND reject_reason IS NULL RETURNING line_number",
				Integer.class, businessDate, fileId, pending.keySet().toArray(Integer[]::new));
		DataSource dataSource = this.jdbc.getDataSource();
		PgCopy copy = PgCopy.into(dataSource, "batch.import_pending", "file_id, line_number, raw_line");
		marked.forEach(line -> copy.row(fileId, line, pending.get(line)));
		copy.finish();
	}

	/** How many lines of a file wait for their account. */
	long count(String table, long fileId) {
		return this.jdbc.queryForObject(
				"SELECT count(*) FROM " + table
						+ " WHERE file_id = ? AND pending_since IS NOT NULL AND reject_reason IS NULL",
				Long.class, fileId);
	}

	/** Forgets the raw text of a file rejected as a whole. */
	void discard(long fileId) {
		this.jdbc.update("DELETE FROM batch.import_pending WHERE file_id = ?", fileId);
	}

	/**
	 * Releases, for run date {@code runDate}, every pending line whose account is now in
	 * the card master; returns how many.
	 */
	public long release(LocalDate runDate) {
		long released = 0;
		for (Map.Entry<String, String> kind : TABLES.entrySet()) {
			String closedTurnsAway = "CASH_FLOWS".equals(kind.getKey()) ? " AND a.status <> 'CLOSED'" : "";
			released += settle("""
					UPDATE %s l SET pending_since = NULL, released_on = ?
					FROM card.account a, batch.import_file f
					WHERE l.pending_since IS NOT NULL AND l.reject_reason IS NULL AND a.account_id = l.account_id%s
					  AND f.file_id = l.file_id AND f.status = 'ACCEPTED' AND f.posted_on IS NOT NULL
					  AND NOT EXISTS (SELECT 1 FROM card.held_account h WHERE h.account_id = l.account_id
					                  AND h.released_on IS NULL AND h.job IN ('update-statements', 'update-repayments'))
					RETURNING l.file_id, l.line_number""".formatted(kind.getValue(), closedTurnsAway), runDate,
					"accepted_count");
		}
		return released;
	}

	/**
	 * Turns away, on run date {@code runDate}, the lines pending for {@code days} days or
	 * more: they become rejects, with their reason and masked raw text.
	 */
	public List<Expired> expire(LocalDate runDate, int days) {
		List<Expired> expired = new ArrayList<>();
		for (String table : TABLES.values()) {
			List<long[]> lines = this.jdbc.query("""
					UPDATE %s l SET reject_reason = CASE WHEN EXISTS (SELECT 1 FROM card.account a
					                                                  WHERE a.account_id = l.account_id)
					                                     THEN 'ACCOUNT_CLOSED' ELSE 'UNKNOWN_ACCOUNT' END
					WHERE l.pending_since IS NOT NULL AND l.reject_reason IS NULL AND l.pending_since <= ?
					RETURNING l.file_id, l.line_number""".formatted(table),
					(rs, n) -> new long[] { rs.getLong(1), rs.getInt(2) }, runDate.minusDays(days));
			if (lines.isEmpty()) {
				continue;
			}
			Long[] files = lines.stream().map(l -> l[0]).toArray(Long[]::new);
			Integer[] numbers = lines.stream().map(l -> (int) l[1]).toArray(Integer[]::new);
			expired.addAll(this.jdbc.query("""
					INSERT INTO batch.import_reject (file_id, line_number, reason, raw_line, amount)
					SELECT p.file_id, p.line_number, l.reject_reason, p.raw_line, l.amount
					FROM unnest(CAST(? AS BIGINT[]), CAST(? AS INTEGER[])) AS x(file_id, line_number)
					JOIN batch.import_pending p ON p.file_id = x.file_id AND p.line_number = x.line_number
					JOIN %s l ON l.file_id = x.file_id AND l.line_number = x.line_number
					RETURNING file_id, line_number, reason, raw_line""".formatted(table),
					(rs, n) -> new Expired(rs.getLong(1), null, rs.getInt(2), rs.getString(3), rs.getString(4)), files,
					numbers));
			this.jdbc.update("""
					UPDATE batch.import_pending p SET expired_on = ?
					FROM unnest(CAST(? AS BIGINT[]), CAST(? AS INTEGER[])) AS x(file_id, line_number)
					WHERE p.file_id = x.file_id AND p.line_number = x.line_number""", runDate, files, numbers);
			this.jdbc.update(
					"""
							UPDATE batch.import_file f SET pending_count = f.pending_count - x.n, rejected_count = f.rejected_count + x.n
							FROM (SELECT file_id, count(*) AS n FROM unnest(CAST(? AS BIGINT[])) AS file_id GROUP BY file_id) x
							WHERE f.file_id = x.file_id""",
					(Object) files);
		}
		Map<Long, String> names = new LinkedHashMap<>();
		this.jdbc.query("SELECT file_id, file_name FROM batch.import_file WHERE file_id = ANY (CAST(? AS BIGINT[]))",
				rs -> {
					names.put(rs.getLong(1), rs.getString(2));
				}, (Object) expired.stream().map(Expired::fileId).distinct().toArray(Long[]::new));
		return expired.stream()
			.map(e -> new Expired(e.fileId(), names.get(e.fileId()), e.lineNumber(), e.reason(), e.rawLine()))
			.toList();
	}

	/**
	 * Runs an UPDATE returning (file, line) and moves that many from pending to
	 * {@code counted}.
	 */
	private long settle(String update, LocalDate runDate, String counted) {
		List<Long> files = this.jdbc.query(update, (rs, n) -> rs.getLong(1), runDate);
		if (!files.isEmpty()) {
			this.jdbc.update("""
					UPDATE batch.import_file f SET pending_count = f.pending_count - x.n, %1$s = f.%1$s + x.n
					FROM (SELECT file_id, count(*) AS n FROM unnest(CAST(? AS BIGINT[])) AS file_id GROUP BY file_id) x
					WHERE f.file_id = x.file_id""".formatted(counted), (Object) files.toArray(Long[]::new));
		}
		return files.size();
	}

}
