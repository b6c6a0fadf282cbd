package jp.settlementbatch.day;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The day's reconciliation, which an auditor can sign: each money file's trailer against
 * what became of its lines, what the ledger posted against the accepted lines it claimed,
 * the ledger's movement against its journal, and the invariant. Every figure is read from
 * where it is stored (the rows, the rejects, the journal, the balances), never from the
 * counters that the same code wrote beside them, so a lost or doubled row shows. A total
 * that does not balance is an ATTENTION line of the manifest.
 *
 * <ul>
 * <li><b>Per file</b> (cash flows and repayments taken in on the date): the trailer's
 * count and amount = accepted + pending + rejected + duplicates, in lines and in yen; and
 * the register's counts equal the rows stored.</li>
 * <li><b>Per kind, posted on the date</b>: the journal of the date = the lines of the
 * files claimed for it, less those of accounts held by the posting job, plus the lines
 * released from waiting for their account, plus what accounts whose hold ended that day
 * caught up.</li>
 * <li><b>The ledger's movement</b>: the total owed (over accounts, the invariant's
 * balance side) moved, since the last recorded report, by exactly the signed journal
 * booked in between. Checked, and recorded, only by the report of the latest run date: a
 * report of an older date would see the later days' postings.</li>
 * <li><b>The invariant</b>: the accounts out of balance with their journal
 * ({@code report.ledger_check}), for the latest run date.</li>
 * </ul>
 */
public final class ControlTotals {

	/** A money file's totals. Amounts are null where an earlier version kept none. */
	public record FileTotals(String file, String fileType, long trailerCount, BigInteger trailerAmount, long accepted,
			BigInteger acceptedAmount, long pending, BigInteger pendingAmount, long rejected, BigInteger rejectedAmount,
			long duplicates, BigInteger duplicateAmount, boolean countersMatchRows) {

		public boolean countsBalance() {
			return this.trailerCount == this.accepted + this.pending + this.rejected + this.duplicates
					&& this.countersMatchRows;
		}

		/** Whether the amounts balance; null when they cannot be told. */
		public Boolean amountsBalance() {
			if (this.rejectedAmount == null || this.duplicateAmount == null || this.trailerAmount == null) {
				return null;
			}
			return this.trailerAmount
				.equals(this.acceptedAmount.add(this.pendingAmount).add(this.rejectedAmount).add(this.duplicateAmount));
		}

		public boolean balanced() {
			return countsBalance() && !Boolean.FALSE.equals(amountsBalance());
		}

	}

	/** What the ledger posted of one kind on the date, against what it was to post. */
	public record Posting(String kind, BigInteger claimed, BigInteger heldBack, BigInteger released,
			BigInteger caughtUp, BigInteger journal) {

		public BigInteger expected() {
			return this.claimed.subtract(this.heldBack).add(this.released).add(this.caughtUp);
		}

		public boolean balanced() {
			return expected().equals(this.journal);
		}

	}

	/**
	 * The ledger's movement since the last recorded date ({@code since} null: since the
	 * ledger began).
	 */
	public record Movement(LocalDate since, BigInteger owedBefore, BigInteger owedNow, BigInteger journal) {

		public BigInteger moved() {
			return this.owedNow.subtract(this.owedBefore);
		}

		public boolean balanced() {
			return moved().equals(this.journal);
		}

	}

	/** Lines not posted, and why: waiting for their account, or their account held. */
	public record Bucket(String name, long lines, BigInteger amount) {

	}

	private static final Map<String, String> TABLES = Map.of("CASH_FLOWS", "payment.cash_flow", "REPAYMENTS",
			"repayment.repayment");

	private final LocalDate runDate;

	private final List<FileTotals> files;

	private final List<Posting> postings;

	private final Movement movement;

	private final Long outOfBalance;

	private final List<Bucket> buckets;

	private ControlTotals(LocalDate runDate, List<FileTotals> files, List<Posting> postings, Movement movement,
			Long outOfBalance, List<Bucket> buckets) {
		this.runDate = runDate;
		this.files = files;
		this.postings = postings;
		this.movement = movement;
		this.outOfBalance = outOfBalance;
		this.buckets = buckets;
	}

	public static ControlTotals of(JdbcTemplate jdbc, LocalDate runDate) {
		boolean latest = latest(jdbc, runDate);
		return new ControlTotals(runDate, files(jdbc, runDate), postings(jdbc, runDate),
				latest ? movement(jdbc, runDate) : null, latest ? outOfBalance(jdbc) : null, buckets(jdbc, runDate));
	}

	/**
	 * Records the ledger's total owed as the report of {@code runDate} finds it, for the
	 * next report's movement check; only the latest run date's report records.
	 */
	public static void record(JdbcTemplate jdbc, LocalDate runDate) {
		if (!latest(jdbc, runDate)) {
			return;
		}
		jdbc.update("""
				INSERT INTO batch.ledger_day_total (business_date, owed_total) VALUES (?, ?)
				ON CONFLICT (business_date) DO UPDATE SET owed_total = EXCLUDED.owed_total, recorded_at = now()""",
				runDate, new BigDecimal(owed(jdbc)));
	}

	/** Whether no later run date has posted anything yet. */
	private static boolean latest(JdbcTemplate jdbc, LocalDate runDate) {
		LocalDate last = jdbc.queryForObject("SELECT max(business_date) FROM batch.posting_day", LocalDate.class);
		return last == null || !last.isAfter(runDate);
	}

	private static List<FileTotals> files(JdbcTemplate jdbc, LocalDate runDate) {
		List<FileTotals> files = new ArrayList<>();
		List<Map<String, Object>> registered = jdbc.queryForList("""
				SELECT file_id, file_name, file_type, detail_count, amount_total, accepted_count, pending_count,
				       rejected_count, duplicate_count, duplicate_amount
				FROM batch.import_file
				WHERE status = 'ACCEPTED' AND file_type IN ('CASH_FLOWS', 'REPAYMENTS')
				  AND (business_date = ? OR taken_in_on = ?)
				ORDER BY business_date, file_id""", runDate, runDate);
		for (Map<String, Object> file : registered) {
			long fileId = ((Number) file.get("file_id")).longValue();
			Map<String, Object> rows = jdbc.queryForMap("""
					SELECT count(*) FILTER (WHERE reject_reason IS NULL AND pending_since IS NULL) AS accepted,
					       coalesce(sum(amount) FILTER (WHERE reject_reason IS NULL AND pending_since IS NULL), 0)
					           AS accepted_amount,
					       count(*) FILTER (WHERE reject_reason IS NULL AND pending_since IS NOT NULL) AS pending,
					       coalesce(sum(amount) FILTER (WHERE reject_reason IS NULL AND pending_since IS NOT NULL), 0)
					           AS pending_amount
					FROM %s WHERE file_id = ?""".formatted(TABLES.get((String) file.get("file_type"))), fileId);
			Map<String, Object> rejects = jdbc.queryForMap("""
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

	private static List<Posting> postings(JdbcTemplate jdbc, LocalDate runDate) {
		List<Posting> postings = new ArrayList<>();
		for (String kind : List.of("PURCHASE", "REFUND", "CASH_ADVANCE", "FEE")) {
			postings.add(posting(jdbc, runDate, kind, "CASH_FLOWS", "update-statements", "c.type = '" + kind + "'"));
		}
		postings.add(posting(jdbc, runDate, "REPAYMENT", "REPAYMENTS", "update-repayments", "true"));
		return postings;
	}

	private static Posting posting(JdbcTemplate jdbc, LocalDate runDate, String kind, String fileType, String job,
			String ofKind) {
		String table = TABLES.get(fileType);
		String lines = """
				FROM batch.import_file f
				JOIN %s c ON c.file_id = f.file_id AND c.reject_reason IS NULL AND c.pending_since IS NULL
				     AND c.released_on IS NULL AND %s
				%%s
				WHERE f.file_type = '%s' AND f.status = 'ACCEPTED'""".formatted(table, ofKind, fileType);
		String heldNow = "(SELECT h.account_id FROM card.held_account h WHERE h.job = '" + job
				+ "' AND h.released_on IS NULL AND h.held_since <= ?)";
		BigInteger claimed = sum(jdbc, "SELECT sum(c.amount) " + lines.formatted("") + " AND f.posted_on = ?", runDate);
		BigInteger heldBack = sum(jdbc,
				"SELECT sum(c.amount) " + lines.formatted("") + " AND f.posted_on = ? AND c.account_id IN " + heldNow,
				runDate, runDate);
		BigInteger released = sum(jdbc, "SELECT sum(c.amount) FROM " + table
				+ " c WHERE c.released_on = ? AND c.reject_reason IS NULL AND " + ofKind, runDate);
		BigInteger caughtUp = sum(jdbc,
				"SELECT sum(c.amount) "
						+ lines.formatted("JOIN card.held_account h ON h.account_id = c.account_id AND h.job = '" + job
								+ "' AND h.released_on = ? AND f.posted_on >= h.held_since AND f.posted_on < ?"),
				runDate, runDate);
		BigInteger journal = sum(jdbc, "SELECT sum(amount) FROM card.ledger_entry WHERE entry_date = ? AND kind = ?",
				runDate, kind);
		return new Posting(kind, claimed, heldBack, released, caughtUp, journal);
	}

	private static Movement movement(JdbcTemplate jdbc, LocalDate runDate) {
		List<Map<String, Object>> before = jdbc.queryForList("""
				SELECT business_date, owed_total FROM batch.ledger_day_total
				WHERE business_date < ? ORDER BY business_date DESC LIMIT 1""", runDate);
		LocalDate since = before.isEmpty() ? null : ((java.sql.Date) before.get(0).get("business_date")).toLocalDate();
		BigInteger owedBefore = before.isEmpty() ? BigInteger.ZERO : integer(before.get(0).get("owed_total"));
		LocalDate from = since == null ? LocalDate.of(1900, 1, 1) : since;
		// what each posting job booked on its run date, and what each close booked (its
		// entries carry the closing date; the statement says when it was closed)
		BigInteger journal = sum(jdbc, """
				SELECT sum(CASE WHEN kind IN ('REFUND', 'REPAYMENT') THEN -amount ELSE amount END)
				FROM card.ledger_entry
				WHERE entry_date > ? AND entry_date <= ? AND kind NOT IN ('INTEREST', 'LATE_CHARGE')""", from, runDate)
			.add(sum(jdbc, """
					SELECT sum(e.amount) FROM card.statement s
					JOIN card.ledger_entry e ON e.account_id = s.account_id AND e.entry_date = s.closing_date
					     AND e.kind IN ('INTEREST', 'LATE_CHARGE')
					WHERE s.closed_on > ? AND s.closed_on <= ?""", from, runDate));
		return new Movement(since, owedBefore, owed(jdbc), journal);
	}

	private static BigInteger owed(JdbcTemplate jdbc) {
		return sum(jdbc, """
				SELECT sum(shopping_principal + cash_principal + billed_interest + billed_fees + billed_late_charges
				           - credit_balance)
				FROM card.balance""");
	}

	private static long outOfBalance(JdbcTemplate jdbc) {
		return jdbc.queryForObject("SELECT count(*) FROM report.ledger_check WHERE difference <> 0", Long.class);
	}

	private static List<Bucket> buckets(JdbcTemplate jdbc, LocalDate runDate) {
		List<Bucket> buckets = new ArrayList<>();
		jdbc.query("""
				SELECT file_type, count(*), coalesce(sum(amount), 0) FROM report.pending_line
				WHERE pending_since <= ? GROUP BY file_type ORDER BY file_type""", rs -> {
			buckets.add(new Bucket("pending " + rs.getString(1), rs.getLong(2), rs.getBigDecimal(3).toBigInteger()));
		}, runDate);
		for (Map.Entry<String, String> held : Map
			.of("CASH_FLOWS", "update-statements", "REPAYMENTS", "update-repayments")
			.entrySet()) {
			jdbc.query("""
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
		buckets.sort(java.util.Comparator.comparing(Bucket::name));
		return buckets;
	}

	/** One line per total that does not balance, for the manifest. */
	public List<String> attention() {
		List<String> lines = new ArrayList<>();
		for (FileTotals file : this.files) {
			if (!file.balanced()) {
				lines.add("Control totals of " + file.file() + " do not balance: its trailer says "
						+ file.trailerCount() + " lines and " + yen(file.trailerAmount()) + "; stored are "
						+ file.accepted() + " accepted (" + yen(file.acceptedAmount()) + "), " + file.pending()
						+ " pending (" + yen(file.pendingAmount()) + "), " + file.rejected() + " rejected ("
						+ yen(file.rejectedAmount()) + ") and " + file.duplicates() + " duplicates ("
						+ yen(file.duplicateAmount()) + ")"
						+ (file.countersMatchRows() ? "" : ", and the register's counts differ from the rows stored")
						+ ". Rows were lost or changed after the import: stop the day's outputs and investigate.");
			}
		}
		for (Posting posting : this.postings) {
			if (!posting.balanced()) {
				lines.add("The ledger's journal of " + posting.kind() + " on " + this.runDate + " is "
						+ yen(posting.journal()) + ", but the accepted lines it was to post come to "
						+ yen(posting.expected()) + " (claimed " + yen(posting.claimed()) + ", less held "
						+ yen(posting.heldBack()) + ", plus released " + yen(posting.released()) + ", plus caught up "
						+ yen(posting.caughtUp()) + "). A posting job has not finished, or rows changed under it.");
			}
		}
		if (this.movement != null && !this.movement.balanced()) {
			lines.add("The ledger moved by " + yen(this.movement.moved()) + " since "
					+ (this.movement.since() == null ? "it began" : this.movement.since().toString())
					+ ", but its journal by " + yen(this.movement.journal())
					+ ": a balance changed outside the jobs. See report.ledger_check.");
		}
		if (this.outOfBalance != null && this.outOfBalance > 0) {
			lines.add(this.outOfBalance + " accounts are out of balance with their journal (report.ledger_check).");
		}
		return lines;
	}

	/** As {@code reports/daily_D.json} carries it. */
	public Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		List<Map<String, Object>> files = new ArrayList<>();
		for (FileTotals file : this.files) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("file", file.file());
			entry.put("trailer", part(file.trailerCount(), file.trailerAmount()));
			entry.put("accepted", part(file.accepted(), file.acceptedAmount()));
			entry.put("pending", part(file.pending(), file.pendingAmount()));
			entry.put("rejected", part(file.rejected(), file.rejectedAmount()));
			entry.put("duplicates", part(file.duplicates(), file.duplicateAmount()));
			entry.put("counts_balance", file.countsBalance());
			entry.put("amounts_balance", file.amountsBalance() == null
					? "not known (an earlier version kept no amounts)" : file.amountsBalance());
			files.add(entry);
		}
		json.put("files", files);
		List<Map<String, Object>> postings = new ArrayList<>();
		for (Posting posting : this.postings) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("kind", posting.kind());
			entry.put("claimed", posting.claimed());
			entry.put("held_back", posting.heldBack());
			entry.put("released", posting.released());
			entry.put("caught_up", posting.caughtUp());
			entry.put("expected", posting.expected());
			entry.put("journal", posting.journal());
			entry.put("balanced", posting.balanced());
			postings.add(entry);
		}
		json.put("posted", postings);
		if (this.movement != null) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("since",
					this.movement.since() == null ? "the ledger's beginning" : this.movement.since().toString());
			entry.put("owed_before", this.movement.owedBefore());
			entry.put("owed_now", this.movement.owedNow());
			entry.put("moved", this.movement.moved());
			entry.put("journal", this.movement.journal());
			entry.put("balanced", this.movement.balanced());
			json.put("ledger_movement", entry);
		}
		else {
			json.put("ledger_movement", "checked by the report of the latest run date");
		}
		json.put("accounts_out_of_balance",
				this.outOfBalance == null ? "checked by the report of the latest run date" : this.outOfBalance);
		List<Map<String, Object>> buckets = new ArrayList<>();
		for (Bucket bucket : this.buckets) {
			buckets.add(Map.of("bucket", bucket.name(), "lines", bucket.lines(), "amount", bucket.amount()));
		}
		json.put("not_posted", buckets);
		json.put("balanced", attention().isEmpty());
		return json;
	}

	public List<FileTotals> files() {
		return this.files;
	}

	public List<Posting> postings() {
		return this.postings;
	}

	public Movement movement() {
		return this.movement;
	}

	private static BigInteger sum(JdbcTemplate jdbc, String sql, Object... parameters) {
		BigDecimal sum = jdbc.queryForObject(sql, BigDecimal.class, parameters);
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

	private static Map<String, Object> part(long lines, BigInteger amount) {
		Map<String, Object> part = new LinkedHashMap<>();
		part.put("lines", lines);
		part.put("amount", amount);
		return part;
	}

	private static String yen(BigInteger amount) {
		return amount == null ? "an amount not kept" : String.format("¥%,d", amount);
	}

}
