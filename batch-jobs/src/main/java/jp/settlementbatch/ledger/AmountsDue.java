package jp.settlementbatch.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an account's statements ask it to pay, and what counted toward it (ledger.md,
 * "Overdue and late charges"):
 * <ul>
 * <li>Each statement asks for its own amount, with its own due date: its minimum payment,
 * less what the earlier statements still ask for ({@link #open}). LUMP_SUM's minimum is
 * the whole closing balance, which already holds an unpaid earlier amount, so the later
 * statement asks only for what is new.</li>
 * <li>A credit (a repayment, a refund of a billed purchase, a cycle's net credit) counts
 * toward the oldest amount still unpaid whose statement does not already include it, then
 * the next ({@link #credit}); for the overdue state it counts from the day after its
 * value date (paid_at), whatever day it was posted.</li>
 * <li>On a day, an amount is overdue when its due date has passed and what counted toward
 * it before that day falls short. The overdue principal is the principal part of every
 * overdue amount (the amount less the statement's own interest, fees and late charges,
 * paid first), summed, and never more than the principal owed at the day's start
 * ({@link #overdueOn}).</li>
 * </ul>
 * Plain values: the ledger jobs load the amounts that can still matter with their
 * credits, apply the day and save what changed.
 */
public final class AmountsDue {

	/**
	 * One statement's amount due.
	 *
	 * @param closingDate the statement's closing date
	 * @param dueDate when it is due
	 * @param amount what it asks for
	 * @param principal what of it is principal
	 */
	public record Due(LocalDate closingDate, LocalDate dueDate, long amount, long principal) {

	}

	/** What a credit counts toward. */
	public enum Source {

		REPAYMENT, REFUND, CREDIT

	}

	/**
	 * A credit toward the amounts due.
	 *
	 * @param billedSince for a refund, the date its purchase was posted: it counts only
	 * toward statements that billed that purchase (closing on or after it); null: any
	 */
	public record Credit(Source source, LocalDate postedOn, LocalDate valueDate, long amount, LocalDate billedSince) {

	}

	/** The part of a credit that counted toward one amount due. */
	public record Part(LocalDate closingDate, Source source, LocalDate postedOn, LocalDate valueDate, long amount,
			LocalDate billedSince) {

		Credit asCredit() {
			return new Credit(this.source, this.postedOn, this.valueDate, this.amount, this.billedSince);
		}

	}

	/** The overdue state at the start of a day: nothing overdue has a null since. */
	public record Overdue(long principal, LocalDate since) {

		public static final Overdue NONE = new Overdue(0, null);

	}

	/** What a save writes of an amount due whose credits changed. */
	public record Paid(LocalDate closingDate, long paid, LocalDate settledOn, List<Part> parts) {

	}

	private final List<Due> dues = new ArrayList<>();

	private final Map<LocalDate, List<Part>> parts = new LinkedHashMap<>();

	private final Set<LocalDate> changed = new TreeSet<>();

	private final List<Due> opened = new ArrayList<>();

	/** Adds a loaded amount due with the credits that counted toward it. */
	public void add(Due due, List<Part> credits) {
		this.dues.add(due);
		this.dues.sort(Comparator.comparing(Due::closingDate));
		this.parts.computeIfAbsent(due.closingDate(), d -> new ArrayList<>()).addAll(credits);
	}

	public List<Due> dues() {
		return List.copyOf(this.dues);
	}

	/**
	 * Counts {@code credit} toward the amounts it may pay: every credit counted so far
	 * and this one are taken again in order of value date, each toward the oldest amount
	 * still unpaid that it may pay. What no amount can take (an overpayment) counts
	 * toward none.
	 */
	public void credit(Credit credit) {
		List<Credit> credits = new ArrayList<>();
		this.parts.values().forEach(list -> list.forEach(part -> credits.add(part.asCredit())));
		credits.add(credit);
		credits.sort(
				Comparator.comparing(Credit::valueDate).thenComparing(Credit::postedOn).thenComparing(Credit::source));
		Map<LocalDate, List<Part>> before = new LinkedHashMap<>();
		this.parts.forEach((closing, list) -> before.put(closing, List.copyOf(list)));
		this.parts.values().forEach(List::clear);
		for (Credit each : credits) {
			long left = each.amount();
			for (Due due : this.dues) {
				if (left == 0) {
					break;
				}
				if (!due.closingDate().isBefore(each.postedOn())
						|| (each.billedSince() != null && due.closingDate().isBefore(each.billedSince()))) {
					continue;
				}
				long take = Math.min(left, due.amount() - paid(due));
				if (take > 0) {
					this.parts.get(due.closingDate())
						.add(new Part(due.closingDate(), each.source(), each.postedOn(), each.valueDate(), take,
								each.billedSince()));
					left -= take;
				}
			}
		}
		this.parts.forEach((closing, list) -> {
			if (!list.equals(before.get(closing))) {
				this.changed.add(closing);
			}
		});
	}

	/**
	 * What counted toward the amount due of the statement closing on {@code closingDate}.
	 */
	public List<Part> parts(LocalDate closingDate) {
		return List.copyOf(this.parts.getOrDefault(closingDate, List.of()));
	}

	/**
	 * Opens the amount due of the statement closing on {@code closingDate}: its minimum
	 * payment, plus what earlier statements still ask for as it closes (credits posted on
	 * or before it), never more than the closing balance; the statement's own part is
	 * what the earlier ones do not ask for.
	 * @param cycleCharges the statement's own interest, fees and late charges
	 * @return what the statement shows as due in all ({@code amount_due})
	 */
	public long open(LocalDate closingDate, LocalDate dueDate, long minimumPayment, long closingBalance,
			long cycleCharges) {
		long carried = 0;
		for (Due due : this.dues) {
			if (due.closingDate().isBefore(closingDate)) {
				long paid = 0;
				for (Part part : this.parts.get(due.closingDate())) {
					if (!part.postedOn().isAfter(closingDate)) {
						paid += part.amount();
					}
				}
				carried += due.amount() - paid;
			}
		}
		long amountDue = Math.min(Math.max(closingBalance, 0), minimumPayment + carried);
		long own = amountDue - carried;
		if (own > 0) {
			Due due = new Due(closingDate, dueDate, own, Math.max(0, own - Math.max(0, cycleCharges)));
			add(due, List.of());
			this.opened.add(due);
		}
		return Math.max(amountDue, 0);
	}

	/**
	 * The overdue state at the start of {@code day}: the credits of value dates before it
	 * counted.
	 * @param principalOwed shopping plus cash principal at the start of the day
	 */
	public Overdue overdueOn(LocalDate day, long principalOwed) {
		long principal = 0;
		LocalDate since = null;
		for (Due due : this.dues) {
			if (!due.dueDate().isBefore(day)) {
				continue;
			}
			long paid = 0;
			for (Part part : this.parts.get(due.closingDate())) {
				if (part.valueDate().isBefore(day)) {
					paid += part.amount();
				}
			}
			long unpaid = due.amount() - paid;
			if (unpaid > 0) {
				principal += Math.min(unpaid, due.principal());
				LocalDate overdueFrom = due.dueDate().plusDays(1);
				if (since == null || overdueFrom.isBefore(since)) {
					since = overdueFrom;
				}
			}
		}
		return since == null ? Overdue.NONE : new Overdue(Math.min(principal, Math.max(principalOwed, 0)), since);
	}

	/** The amounts due opened since they were loaded, to save. */
	public List<Due> opened() {
		return List.copyOf(this.opened);
	}

	/**
	 * Every amount due whose credits changed since it was loaded: what now counts toward
	 * it, what is paid of it, and the value date that paid it in full (null while
	 * unpaid).
	 */
	public List<Paid> paidChanged() {
		List<Paid> changed = new ArrayList<>();
		for (Due due : this.dues) {
			if (!this.changed.contains(due.closingDate())) {
				continue;
			}
			long paid = paid(due);
			LocalDate settledOn = null;
			if (paid == due.amount()) {
				for (Part part : this.parts.get(due.closingDate())) {
					if (settledOn == null || part.valueDate().isAfter(settledOn)) {
						settledOn = part.valueDate();
					}
				}
			}
			changed.add(new Paid(due.closingDate(), paid, settledOn, parts(due.closingDate())));
		}
		return changed;
	}

	private long paid(Due due) {
		long paid = 0;
		for (Part part : this.parts.get(due.closingDate())) {
			paid += part.amount();
		}
		return paid;
	}

}
