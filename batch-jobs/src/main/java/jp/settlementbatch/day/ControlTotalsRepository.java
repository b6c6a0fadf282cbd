package jp.settlementbatch.day;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jp.settlementbatch.day.ControlTotals.Bucket;
import jp.settlementbatch.day.ControlTotals.FileTotals;
import jp.settlementbatch.day.ControlTotals.Movement;
import jp.settlementbatch.day.ControlTotals.Posting;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What {@link ControlTotals} reads: every figure from where it is stored (the register
 * {@code batch.import_file}, the detail rows, the rejects, the journal, the balances, the
 * recorded day totals {@code batch.ledger_day_total}).
 */
final class ControlTotalsRepository {

	private static final Map<String, String> TABLES = Map.of("CASH_FLOWS", "payment.cash_flow", "REPAYMENTS",
			"repayment.repayment");

	private final JdbcTemplate jdbc;

	ControlTotalsRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records the ledger's total owed as the report of {@code runDate} finds it, for the
	 * next report's movement check; only the latest run date's report records.
	 */
	void record(LocalDate runDate) {
		if (!latest(runDate)) {
			return;
		}
		this.jdbc.update("""
				INSERT INTO batch.ledger_day_total (business_date, owed_total) VALUES (?, ?)
				ON CONFLICT (business_date) DO UPDATE SET owed_total = EXCLUDED.owed_total, recorded_at = now()""",
				runDate, new BigDecimal(owed()));
	}

	/** Whether no later run date has posted anything yet. */
	boolean latest(LocalDate runDate) {
		LocalDate last = this.jdbc.queryForObject("SELECT max(business_date) FROM batch.posting_day", LocalDate.class);
		return last == null || !last.isAfter(runDate);
	}

	List<FileTotals> files(LocalDate runDate) {
		List<FileTotals> files = new ArrayList<>();
		List<Map<String, Object>> registered = this.jdbc.queryForList("""
				SELECT file_id, file_name, file_type, detail_count, amount_total, accepted_count, pending_count,
				       rejected_count, duplicate_count, duplicate_amount
				FROM batch.import_file
				WHERE status = 'ACCEPTED' AND file_type IN ('CASH_FLOWS', 'REPAYMENTS')
				  AND (business_date = ? OR taken_in_on = ?)
				ORDER BY business_date, file_id""", runDate, runDate);
		for (Map<String, Object> file : registered) {
			long fileId = ((Number) file.get("file_id")).longValue();
			Map<String, Object> rows = this.jdbc.queryForMap("""
					SELECT count(*) FILTER (WHERE reject_reason IS NULL AND pending_since IS NULL) AS accepted,
					       coalesce(sum(amount) FILTER (WHERE reject_reason IS NULL AND pending_since IS NULL), 0)
					           AS accepted_amount,
					       count(*) FILTER (WHERE reject_reason IS NULL AND pending_since IS NOT NULL) AS pending,
					       coalesce(sum(amount) FILTER (WHERE reject_reason IS NULL AND pending_since IS NOT NULL), 0)
					           AS pending_amount
					FROM %s WHERE file_id = ?""".formatted(TABLES.get((String) file.get("file_type"))), fileId);
			Map<String, Object> rejects = this.jdbc.queryForMap("""
					SELECT count(*) AS rejected, coalesce(sum(amount), 0) AS amount,
					       count(*) FILTER (WHERE amount IS NULL) AS unknown
					FROM batch.import_reject WHERE file_id = ?""", fileId);
			long accepted = number(rows.get("accepted"));
			long pending = number(rows.get("pending"));
			long rejected = number(rejects.get("rejected"));
			boolean countersMatch = accepted == number(file.get("accepted_count"))
					&& pending == number(file.get("pending_count")) && rejected == number(file.get("rejected_count"));
			files.add(new FileTotals((String) file.get("file_name"), (String) file.get("file_type"),
					number(file.get("detail_count")), integer(file.get("amount_total")), accepted,
					integer(rows.get("accepted_amount")), pending, integer(rows.get("pending_amount")), rejected,
					number(rejects.get("unknown")) > 0 ? null : integer(rejects.get("amount")),
					number(file.get("duplicate_count")), integer(file.get("duplicate_amount")), countersMatch));
		}
		return files;
	}

	List<Posting> postings(LocalDate runDate) {
		List<Posting> postings = new ArrayList<>();
		for (String kind : List.of("PURCHASE", "REFUND", "CASH_ADVANCE", "FEE")) {
			postings.add(posting(runDate, kind, "CASH_FLOWS", "update-statements", "c.type = '" + kind + "'"));
		}
		postings.add(posting(runDate, "REPAYMENT", "REPAYMENTS", "update-repayments", "true"));
		return postings;
	}

	Posting posting(LocalDate runDate, String kind, String fileType, String job, String ofKind) {
		String table = TABLES.get(fileType);
		String lines = """
				FROM batch.import_file f
				JOIN %s c ON c.file_id = f.file_id AND c.reject_reason IS NULL AND c.pending_since IS NULL
				     AND c.released_on IS NULL AND %s
				%%s
				WHERE f.file_type = '%s' AND f.status = 'ACCEPTED'""".formatted(table, ofKind, fileType);
		String heldNow = "(SELECT h.account_id FROM card.held_account h WHERE h.job = '" + job
				+ "' AND h.released_on IS NULL AND h.held_since <= ?)";
		BigInteger claimed = sum("SELECT sum(c.amount) " + lines.formatted("") + " AND f.posted_on = ?", runDate);
		BigInteger heldBack = sum(
				"SELECT sum(c.amount) " + lines.formatted("") + " AND f.posted_on = ? AND c.account_id IN " + heldNow,
				runDate, runDate);
		BigInteger released = sum("SELECT sum(c.amount) FROM " + table
				+ " c WHERE c.released_on = ? AND c.reject_reason IS NULL AND " + ofKind, runDate);
		BigInteger caughtUp = sum(
				"SELECT sum(c.amount) "
						+ lines.formatted("JOIN card.held_account h ON h.account_id = c.account_id AND h.job = '" + job
								+ "' AND h.released_on = ? AND f.posted_on >= h.held_since AND f.posted_on < ?"),
				runDate, runDate);
		BigInteger journal = sum("SELECT sum(amount) FROM card.ledger_entry WHERE entry_date = ? AND kind = ?", runDate,
				kind);
		return new Posting(kind, claimed, heldBack, released, caughtUp, journal);
	}

	Movement movement(LocalDate runDate) {
		List<Map<String, Object>> before = this.jdbc.queryForList("""
				SELECT business_date, owed_total FROM batch.ledger_day_total
				WHERE business_date < ? ORDER BY business_date DESC LIMIT 1""", runDate);
		LocalDate since = before.isEmpty() ? null : ((java.sql.Date) before.get(0).get("business_date")).toLocalDate();
		BigInteger owedBefore = before.isEmpty() ? BigInteger.ZERO : integer(before.get(0).get("owed_total"));
		LocalDate from = since == null ? LocalDate.of(1900, 1, 1) : since;
		// what each posting job booked on its run date, and what each close booked (its
		// entries carry the closing date; the statement says when it was closed)
		BigInteger journal = sum("""
				SELECT sum(CASE WHEN kind IN ('REFUND', 'REPAYMENT') THEN -amount ELSE amount END)
				FROM card.ledger_entry
				WHERE entry_date > ? AND entry_date <= ? AND kind NOT IN ('INTEREST', 'LATE_CHARGE')""", from, runDate)
			.add(sum("""
					SELECT sum(e.amount) FROM card.statement s
					JOIN card.ledger_entry e ON e.account_id = s.account_id AND e.entry_date = s.closing_date
					     AND e.kind IN ('INTEREST', 'LATE_CHARGE')
					WHERE s.closed_on > ? AND s.closed_on <= ?""", from, runDate));
		return new Movement(since, owedBefore, owed(), journal);
	}

	BigInteger owed() {
		return sum("""
				SELECT sum(shopping_principal + cash_principal + billed_interest + billed_fees + billed_late_charges
				           - credit_balance)
				FROM card.balance""");
	}

	long outOfBalance() {
		return this.jdbc.queryForObject("SELECT count(*) FROM report.ledger_check WHERE difference <> 0", Long.class);
	}

	List<Bucket> buckets(LocalDate runDate) {
		List<Bucket> buckets = new ArrayList<>();
		this.jdbc.query("""
				SELECT file_type, count(*), coalesce(sum(amount), 0) FROM report.pending_line
				WHERE pending_since <= ? GROUP BY file_type ORDER BY file_type""", rs -> {
			buckets.add(new Bucket("pending " + rs.getString(1), rs.getLong(2), rs.getBigDecimal(3).toBigInteger()));
		}, runDate);
		for (Map.Entry<String, String> held : Map
			.of("CASH_FLOWS", "update-statements", "REPAYMENTS", "update-repayments")
			.entrySet()) {
			this.jdbc.query("""
					SELECT count(*), coalesce(sum(c.amount), 0)
					FROM card.held_account h
					JOIN batch.import_file f ON f.file_type = ? AND f.status = 'ACCEPTED'
					     AND f.posted_on >= h.held_since AND f.posted_on <= ?
					JOIN %s c ON c.file_id = f.file_id AND c.account_id = h.account_id AND c.reject_reason IS NULL
					     AND c.pending_since IS NULL AND c.released_on IS NULL
					WHERE h.job = ? AND h.released_on IS NULL AND h.held_since <= ?"""
				.formatted(TABLES.get(held.getKey())), rs -> {
					if (rs.getLong(1) > 0) {
						buckets.add(
								new Bucket("held " + held.getKey(), rs.getLong(1), rs.getBigDecimal(2).toBigInteger()));
					}
				}, held.getKey(), runDate, held.getValue(), runDate);
		}
		buckets.sort(Comparator.comparing(Bucket::name));
		return buckets;
	}

	private BigInteger sum(String sql, Object... parameters) {
		BigDecimal sum = this.jdbc.queryForObject(sql, BigDecimal.class, parameters);
		return sum == null ? BigInteger.ZERO : sum.toBigInteger();
	}

	private static long number(Object value) {
		return value == null ? 0 : ((Number) value).longValue();
	}

	private static BigInteger integer(Object value) {
		if (value == null) {
			return null;
		}
		return value instanceof BigDecimal decimal ? decimal.toBigInteger()
				: BigInteger.valueOf(((Number) value).longValue());
	}

}
