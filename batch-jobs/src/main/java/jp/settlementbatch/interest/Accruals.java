package jp.settlementbatch.interest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jp.settlementbatch.ledger.Accrued;
import jp.settlementbatch.ledger.AmountsDue;
import jp.settlementbatch.ledger.EntryKind;
import jp.settlementbatch.ledger.LedgerAccount;
import jp.settlementbatch.ledger.Position;
import jp.settlementbatch.ledger.StatementCycle;

/**
 * What one account accrues when accrue-interest runs for a business date (ledger.md):
 *
 * <ul>
 * <li>Every day d since the last accrual, up to the business date, accrues interest on
 * the principal at the start of d: today's principal less the movements whose value date
 * is d or later. REVOLVING: shopping at shopping_apr and cash at cash_apr; LUMP_SUM: cash
 * only. No day's principal is taken below zero.</li>
 * <li>Each such day that is overdue accrues a late charge on the overdue principal at its
 * start ({@link AmountsDue#overdueOn}), at the late-charge rate.</li>
 * <li>Days already accrued are caught up, by rows booked now in the open cycle, from the
 * day after the earliest value date of what was posted since the last accrual (a late
 * file, or an account held and released), or from the day an operator's correction asks
 * ({@code recheck_from}): a back-valued movement accrues, or reverses, its principal on
 * each missed day, but never takes a day's booked principal below zero (ledger.md, "A
 * reversal never goes below what existed"); and each day's late charge is recomputed with
 * every credit counted from its value date, the difference booked (a member who paid on
 * time is never charged for the sender's delay).</li>
 * </ul>
 */
public final class Accruals {

	private Accruals() {
	}

	/** A principal movement, by the date it was posted and its value date. */
	public record Movement(LocalDate postedOn, LocalDate valueDate, long shopping, long cash) {

	}

	/** One accrual row. */
	public record Row(String accountId, LocalDate day, EntryKind kind, BigDecimal apr, long principal,
			LocalDate cycleClose, boolean catchUp) {

		public BigDecimal amount() {
			return DailyAccrual.of(this.principal, this.apr, this.day);
		}

	}

	/**
	 * What the day's rows add, and the overdue state at the start of the business date.
	 */
	public record Result(List<Row> rows, Accrued accrued, AmountsDue.Overdue overdue) {

	}

	/** An account with what its accrual needs. */
	public static final class Account extends LedgerAccount {

		/**
		 * The movements posted since the last accrual; for an account with days to catch
		 * up, every movement posted on or after the first of them.
		 */
		public final List<Movement> movements = new ArrayList<>();

		/**
		 * Its amounts due that can be overdue on the days accrued, with their credits.
		 */
		public AmountsDue amountsDue = new AmountsDue();

		/**
		 * The day after the earliest value date of the credits toward its amounts due
		 * posted since the last accrual, when that is a day already accrued; else null.
		 */
		public LocalDate lateCreditFrom;

		/** For the days to catch up: the principal booked per day and rate. */
		public final Map<LocalDate, Map<BigDecimal, Long>> bookedInterest = new HashMap<>();

		/** For the days to catch up: the overdue principal booked per day. */
		public final Map<LocalDate, Long> bookedLateCharge = new HashMap<>();

		public Account(Terms terms, Position position, LocalDate accruedThrough) {
			super(terms, position, accruedThrough);
		}

		public Account(Terms terms, Position position, LocalDate accruedThrough, LocalDate recheckFrom) {
			super(terms, position, accruedThrough, recheckFrom);
		}

		public Account(String accountId) {
			super(accountId);
		}

	}

	/**
	 * The first day already accrued that this run catches up, or null when there is none.
	 */
	public static LocalDate catchUpFrom(Account account) {
		LocalDate last = account.accruedThrough();
		if (last == null) {
			return null;
		}
		LocalDate from = last.plusDays(1);
		for (Movement movement : account.movements) {
			if (movement.postedOn().isAfter(last) && movement.valueDate().plusDays(1).isBefore(from)) {
				from = movement.valueDate().plusDays(1);
			}
		}
		for (LocalDate asked : new LocalDate[] { account.lateCreditFrom, account.recheckFrom() }) {
			if (asked != null && asked.isBefore(from)) {
				from = asked;
			}
		}
		return from.isAfter(last) ? null : from;
	}

	public static Result accrue(Account account, LocalDate businessDate) {
		LedgerAccount.Terms terms = account.terms();
		LocalDate last = account.accruedThrough();
		LocalDate openCycleClose = StatementCycle.closingOnOrAfter(businessDate, terms.closingDay());
		List<Row> rows = new ArrayList<>();
		LocalDate catchUpFrom = catchUpFrom(account);
		if (catchUpFrom != null) {
			for (LocalDate day = catchUpFrom; !day.isAfter(last); day = day.plusDays(1)) {
				catchUp(rows, account, day, openCycleClose);
			}
		}
		LocalDate first = (last == null) ? businessDate : last.plusDays(1);
		if (last == null) {
			// a new ledger accrues from the day after its earliest value date
			for (Movement movement : account.movements) {
				if (movement.valueDate().plusDays(1).isBefore(first)) {
					first = movement.valueDate().plusDays(1);
				}
			}
		}
		LocalDate lastClosedOn = account.position().lastClosedOn();
		AmountsDue.Overdue overdue = AmountsDue.Overdue.NONE;
		for (LocalDate day = first; !day.isAfter(businessDate); day = day.plusDays(1)) {
			long shopping = startOfDay(account, day, true);
			long cash = startOfDay(account, day, false);
			LocalDate cycleClose = StatementCycle.closingOnOrAfter(day, terms.closingDay());
			if (lastClosedOn != null && !cycleClose.isAfter(lastClosedOn)) {
				cycleClose = openCycleClose;
			}
			for (Map.Entry<BigDecimal, Long> bucket : byRate(terms, shopping, cash).entrySet()) {
				if (bucket.getValue() != 0) {
					rows.add(new Row(account.accountId, day, EntryKind.INTEREST, bucket.getKey(), bucket.getValue(),
							cycleClose, false));
				}
			}
			overdue = account.amountsDue.overdueOn(day, shopping + cash);
			if (overdue.principal() > 0) {
				rows.add(new Row(account.accountId, day, EntryKind.LATE_CHARGE, LedgerAccount.LATE_CHARGE_APR,
						overdue.principal(), cycleClose, false));
			}
		}
		Accrued accrued = Accrued.NONE;
		for (Row row : rows) {
			accrued = accrued.plus(row.kind() == EntryKind.INTEREST, DailyAccrual.basis(row.day()), row.principal(),
					row.apr());
		}
		return new Result(rows, accrued, overdue);
	}

	/**
	 * One day already accrued: the movements posted since the last accrual with an
	 * earlier value date, capped so the day's principal stays at or above zero per rate;
	 * and its late charge recomputed with every credit known now.
	 */
	private static void catchUp(List<Row> rows, Account account, LocalDate day, LocalDate openCycleClose) {
		LocalDate last = account.accruedThrough();
		long shopping = 0;
		long cash = 0;
		for (Movement movement : account.movements) {
			if (movement.postedOn().isAfter(last) && movement.valueDate().isBefore(day)) {
				shopping += movement.shopping();
				cash += movement.cash();
			}
		}
		Map<BigDecimal, Long> booked = account.bookedInterest.getOrDefault(day, Map.of());
		Map<BigDecimal, Long> moved = byRate(account.terms(), shopping, cash);
		TreeSet<BigDecimal> rates = new TreeSet<>(booked.keySet());
		rates.addAll(moved.keySet());
		for (BigDecimal rate : rates) {
			long before = booked.getOrDefault(rate, 0L);
			long change = Math.max(before + moved.getOrDefault(rate, 0L), 0) - before;
			if (change != 0 && rate.signum() > 0) {
				rows.add(new Row(account.accountId, day, EntryKind.INTEREST, rate, change, openCycleClose, true));
			}
		}
		long owed = startOfDay(account, day, true) + startOfDay(account, day, false);
		long overdue = account.amountsDue.overdueOn(day, owed).principal();
		long change = overdue - account.bookedLateCharge.getOrDefault(day, 0L);
		if (change != 0) {
			rows.add(new Row(account.accountId, day, EntryKind.LATE_CHARGE, LedgerAccount.LATE_CHARGE_APR, change,
					openCycleClose, true));
		}
	}

	/**
	 * Shopping (or cash) principal at the start of {@code day}: today's, less every
	 * movement of a value date on or after it; never below zero.
	 */
	private static long startOfDay(Account account, LocalDate day, boolean shopping) {
		Position position = account.position();
		long principal = shopping ? position.shoppingPrincipal() : position.cashPrincipal();
		for (Movement movement : account.movements) {
			if (!movement.valueDate().isBefore(day)) {
				principal -= shopping ? movement.shopping() : movement.cash();
			}
		}
		return Math.max(principal, 0);
	}

	/**
	 * Principal per rate: shopping at its rate (none for LUMP_SUM), cash at cash_apr; one
	 * sum when both rates are the same.
	 */
	private static Map<BigDecimal, Long> byRate(LedgerAccount.Terms terms, long shopping, long cash) {
		Map<BigDecimal, Long> byRate = new LinkedHashMap<>();
		BigDecimal shoppingRate = terms.shoppingRate();
		if (shoppingRate.signum() > 0 && shoppingRate.compareTo(terms.cashApr()) == 0) {
			byRate.put(shoppingRate, shopping + cash);
			return byRate;
		}
		if (shoppingRate.signum() > 0) {
			byRate.put(shoppingRate, shopping);
		}
		if (terms.cashApr().signum() > 0) {
			byRate.merge(terms.cashApr(), cash, Long::sum);
		}
		return byRate;
	}

}
