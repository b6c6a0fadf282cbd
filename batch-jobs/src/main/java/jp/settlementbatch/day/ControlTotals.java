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
		ControlTotalsRepository stored = new ControlTotalsRepository(jdbc);
		boolean latest = stored.latest(runDate);
		return new ControlTotals(runDate, stored.files(runDate), stored.postings(runDate),
				latest ? stored.movement(runDate) : null, latest ? stored.outOfBalance() : null,
				stored.buckets(runDate));
	}

	/**
	 * Records the ledger's total owed as the report of {@code runDate} finds it, for the
	 * next report's movement check; only the latest run date's report records.
	 */
	public static void record(JdbcTemplate jdbc, LocalDate runDate) {
		new ControlTotalsRepository(jdbc).record(runDate);
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
			Map<String, Object> entry = new LinkedHashMap<>(); // in this order, every run
			entry.put("bucket", bucket.name());
			entry.put("lines", bucket.lines());
			entry.put("amount", bucket.amount());
			buckets.add(entry);
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
