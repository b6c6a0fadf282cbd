package jp.settlementbatch.interest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jp.settlementbatch.ledger.LedgerAccount;
import jp.settlementbatch.ledger.Position;
import jp.settlementbatch.ledger.StatementCycle;

/**
 * What one account accrues when accrue-interest runs for a business date (ledger.md):
 *
 * <ul>
 * <li>Every day d since the last accrual, up to the business date, accrues interest on
 * the principal at the start of d: today's principal minus the movements posted since the
 * last accrual whose value date is d or later. REVOLVING: shopping at shopping_apr and
 * cash at cash_apr; LUMP_SUM: cash only.</li>
 * <li>A movement posted since the last accrual with a value date v before days already
 * accrued (a late file) is caught up: each such day after v accrues (or, for a refund or
 * repayment, reverses) the movement's effect, booked now, in the open cycle.</li>
 * <li>Each overdue day accrues a late charge on the overdue principal at its start, at
 * the late-charge rate.</li>
 * </ul>
 * The accrued amounts are kept exact per year basis in the {@link Position}; the cycle
 * close floors them.
 */
public final class Accruals {

	private Accruals() {
	}

	/** A principal movement posted since the last accrual. */
	public record Movement(LocalDate valueDate, long shopping, long cash) {

	}

	/** One accrual row. */
	public record Row(String accountId, LocalDate day, String kind, BigDecimal apr, long principal, BigDecimal amount,
			LocalDate cycleClose, boolean catchUp) {

	}

	/** A repayment counted toward the latest statement, by the day it was paid. */
	public record Repaid(LocalDate paidOn, long amount, long principal) {

	}

	/** An account with the movements posted since its last accrual. */
	public static final class Account extends LedgerAccount {

		public final List<Movement> movements = new ArrayList<>();

		/**
		 * Only for an account with a repayment of a late file posted since its last
		 * accrual: every repayment paid after its last close, and the overdue principal
		 * its late charges were accrued on, per day already accrued.
		 */
		public final List<Repaid> repaidSinceClose = new ArrayList<>();

		public final Map<LocalDate, Long> lateChargePrincipal = new TreeMap<>();

		public Account(LedgerAccount.Terms terms, LocalDate accruedThrough) {
			super(terms, accruedThrough);
		}

	}

	public static List<Row> accrue(Account account, LocalDate businessDate) {
		Position position = account.position;
		LocalDate last = account.accruedThrough;
		LocalDate first = (last == null) ? businessDate : last.plusDays(1);
		for (Movement movement : account.movements) {
			LocalDate effective = movement.valueDate().plusDays(1);
			if (effective.isBefore(first)) {
				first = effective;
			}
		}
		LocalDate openCycleClose = StatementCycle.closingOnOrAfter(businessDate, account.closingDay);
		long repaidBefore = position.repaidSinceClose
				- (businessDate.equals(position.repaidOn) ? position.repaidThatDay : 0);
		long principalRepaidBefore = position.principalRepaidSinceClose
				- (businessDate.equals(position.repaidOn) ? position.principalRepaidThatDay : 0);
		List<Row> rows = new ArrayList<>();
		for (LocalDate day = first; !day.isAfter(businessDate); day = day.plusDays(1)) {
			long shopping = 0;
			long cash = 0;
			boolean catchUp = last != null && !day.isAfter(last);
			if (catchUp) {
				for (Movement movement : account.movements) {
					if (movement.valueDate().isBefore(day)) {
						shopping += movement.shopping();
						cash += movement.cash();
					}
				}
				interest(rows, account, day, shopping, cash, openCycleClose, true);
				continue;
			}
			shopping = position.shoppingPrincipal;
			cash = position.cashPrincipal;
			for (Movement movement : account.movements) {
				if (!movement.valueDate().isBefore(day)) {
					shopping -= movement.shopping();
					cash -= movement.cash();
				}
			}
			LocalDate cycleClose = StatementCycle.closingOnOrAfter(day, account.closingDay);
			if (position.lastClosedOn != null && !cycleClose.isAfter(position.lastClosedOn)) {
				cycleClose = openCycleClose;
			}
			interest(rows, account, day, shopping, cash, cycleClose, false);
			long overdue = position.overduePrincipalOn(day, repaidBefore, principalRepaidBefore);
			if (overdue > 0) {
				rows.add(new Row(account.accountId, day, "LATE_CHARGE", LedgerAccount.LATE_CHARGE_APR, overdue,
						DailyAccrual.of(overdue, LedgerAccount.LATE_CHARGE_APR, day), cycleClose, false));
			}
		}
		if (last != null) {
			reverseLateCharges(rows, account, last, openCycleClose);
		}
		for (Row row : rows) {
			boolean leap = DailyAccrual.basis(row.day()) == 366;
			if (row.kind().equals("INTEREST")) {
				if (leap) {
					position.interest366 = position.interest366.add(row.amount());
				}
				else {
					position.interest365 = position.interest365.add(row.amount());
				}
			}
			else if (leap) {
				position.lateCharge366 = position.lateCharge366.add(row.amount());
			}
			else {
				position.lateCharge365 = position.lateCharge365.add(row.amount());
			}
		}
		return rows;
	}

	/**
	 * A repayment of a late file counts for the overdue state from the day after it was
	 * paid (ledger.md): each day of the open cycle already accrued whose late charge it
	 * would have lowered is caught up by a negative row, booked now, so a member who paid
	 * on time is not charged for the sender's delay. Days of closed cycles are not
	 * reopened.
	 */
	private static void reverseLateCharges(List<Row> rows, Account account, LocalDate last, LocalDate openCycleClose) {
		Position position = account.position;
		for (Map.Entry<LocalDate, Long> booked : account.lateChargePrincipal.entrySet()) {
			LocalDate day = booked.getKey();
			if (day.isAfter(last) || (position.lastClosedOn != null && !day.isAfter(position.lastClosedOn))) {
				continue;
			}
			long repaidBefore = 0;
			long principalRepaidBefore = 0;
			for (Repaid repaid : account.repaidSinceClose) {
				if (repaid.paidOn().isBefore(day)) {
					repaidBefore += repaid.amount();
					principalRepaidBefore += repaid.principal();
				}
			}
			long overdue = position.overduePrincipalOn(day, repaidBefore, principalRepaidBefore);
			long change = overdue - booked.getValue();
			if (change < 0) {
				rows.add(new Row(account.accountId, day, "LATE_CHARGE", LedgerAccount.LATE_CHARGE_APR, change,
						DailyAccrual.of(change, LedgerAccount.LATE_CHARGE_APR, day), openCycleClose, true));
			}
		}
	}

	private static void interest(List<Row> rows, LedgerAccount account, LocalDate day, long shopping, long cash,
			LocalDate cycleClose, boolean catchUp) {
		BigDecimal shoppingRate = account.shoppingRate();
		if (shoppingRate.signum() > 0 && shoppingRate.compareTo(account.cashApr) == 0) {
			add(rows, account, day, shopping + cash, shoppingRate, cycleClose, catchUp);
			return;
		}
		add(rows, account, day, shopping, shoppingRate, cycleClose, catchUp);
		add(rows, account, day, cash, account.cashApr, cycleClose, catchUp);
	}

	private static void add(List<Row> rows, LedgerAccount account, LocalDate day, long principal, BigDecimal apr,
			LocalDate cycleClose, boolean catchUp) {
		if (principal != 0 && apr.signum() > 0) {
			rows.add(new Row(account.accountId, day, "INTEREST", apr, principal, DailyAccrual.of(principal, apr, day),
					cycleClose, catchUp));
		}
	}

}
