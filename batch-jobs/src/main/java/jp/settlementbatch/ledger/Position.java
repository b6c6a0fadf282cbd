package jp.settlementbatch.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The balances of one account and the money rules that move them (ledger.md): posting a
 * cash flow, allocating a repayment, posting interest and late charges. A plain, mutable
 * object: a ledger job loads one per account, applies the day to it and saves it.
 *
 * <p>
 * {@code credit_balance} (an overpayment) absorbs the next charges first; a refund
 * reduces shopping principal and what it cannot absorb becomes credit balance. Every
 * method returns how much of the move reached the principal, so the caller can record the
 * value-dated principal movement interest accrues on.
 */
public final class Position {

	public long shoppingPrincipal;

	public long cashPrincipal;

	public long billedInterest;

	public long billedFees;

	public long billedLateCharges;

	public long creditBalance;

	public BigDecimal interest365 = BigDecimal.ZERO;

	public BigDecimal interest366 = BigDecimal.ZERO;

	public BigDecimal lateCharge365 = BigDecimal.ZERO;

	public BigDecimal lateCharge366 = BigDecimal.ZERO;

	public LocalDate lastClosedOn;

	public LocalDate dueDate;

	public long amountDue;

	public long duePrincipal;

	public LocalDate overdueSince;

	public long pastDue;

	public long pastDuePrincipal;

	public long repaidSinceClose;

	public long principalRepaidSinceClose;

	public LocalDate repaidOn;

	public long repaidThatDay;

	public long principalRepaidThatDay;

	/** The split of one repayment, in allocation order. */
	public record Allocation(long lateCharges, long fees, long interest, long cashPrincipal, long shoppingPrincipal,
			long creditBalance) {

		public long principal() {
			return this.cashPrincipal + this.shoppingPrincipal;
		}

	}

	/** A principal change: shopping and cash parts, signed. */
	public record PrincipalChange(long shopping, long cash) {

	}

	/** A purchase: credit balance first, the rest to shopping principal. */
	public PrincipalChange purchase(long amount) {
		long rest = absorb(amount);
		this.shoppingPrincipal += rest;
		return new PrincipalChange(rest, 0);
	}

	/** A cash advance: credit balance first, the rest to cash principal. */
	public PrincipalChange cashAdvance(long amount) {
		long rest = absorb(amount);
		this.cashPrincipal += rest;
		return new PrincipalChange(0, rest);
	}

	/** A fee: credit balance first, the rest billed. */
	public void fee(long amount) {
		this.billedFees += absorb(amount);
	}

	/**
	 * A refund: off shopping principal; what shopping principal cannot absorb becomes
	 * credit balance.
	 */
	public PrincipalChange refund(long amount) {
		long off = Math.min(this.shoppingPrincipal, amount);
		this.shoppingPrincipal -= off;
		this.creditBalance += amount - off;
		return new PrincipalChange(-off, 0);
	}

	/** Interest posted at cycle close: credit balance first, the rest billed. */
	public void postInterest(long amount) {
		this.billedInterest += absorb(amount);
	}

	/** Late charges posted at cycle close: credit balance first, the rest billed. */
	public void postLateCharge(long amount) {
		this.billedLateCharges += absorb(amount);
	}

	/**
	 * A repayment, allocated to billed late charges, billed fees, billed interest, cash
	 * principal (the higher rate), shopping principal, and what is left to credit balance
	 * (割賦販売法 §30の5 / 民法 §489). Counts toward the amount due of the latest statement from
	 * the day after it was paid: a repayment paid on the business date counts from
	 * tomorrow, one of a late file (paid before the business date) already counts.
	 */
	public Allocation repay(long amount, LocalDate businessDate) {
		return repay(amount, businessDate, businessDate);
	}

	/** As {@link #repay(long, LocalDate)}, for a repayment paid on {@code paidOn}. */
	public Allocation repay(long amount, LocalDate businessDate, LocalDate paidOn) {
		long left = amount;
		long late = Math.min(left, this.billedLateCharges);
		left -= late;
		long fees = Math.min(left, this.billedFees);
		left -= fees;
		long interest = Math.min(left, this.billedInterest);
		left -= interest;
		long cash = Math.min(left, this.cashPrincipal);
		left -= cash;
		long shopping = Math.min(left, this.shoppingPrincipal);
		left -= shopping;
		this.billedLateCharges -= late;
		this.billedFees -= fees;
		this.billedInterest -= interest;
		this.cashPrincipal -= cash;
		this.shoppingPrincipal -= shopping;
		this.creditBalance += left;
		Allocation allocation = new Allocation(late, fees, interest, cash, shopping, left);
		this.repaidSinceClose += amount;
		this.principalRepaidSinceClose += allocation.principal();
		if (paidOn.isBefore(businessDate)) {
			return allocation;
		}
		if (!businessDate.equals(this.repaidOn)) {
			this.repaidOn = businessDate;
			this.repaidThatDay = 0;
			this.principalRepaidThatDay = 0;
		}
		this.repaidThatDay += amount;
		this.principalRepaidThatDay += allocation.principal();
		return allocation;
	}

	/** Everything owed, net of credit balance. */
	public long owed() {
		return this.shoppingPrincipal + this.cashPrincipal + billed() - this.creditBalance;
	}

	/** Billed interest, fees and late charges not yet repaid. */
	public long billed() {
		return this.billedInterest + this.billedFees + this.billedLateCharges;
	}

	/**
	 * The principal that bears interest: shopping and cash for REVOLVING, cash only for
	 * LUMP_SUM (shopping is interest-free).
	 */
	public long interestBearing(boolean revolving) {
		return (revolving ? this.shoppingPrincipal : 0) + this.cashPrincipal;
	}

	/**
	 * The overdue principal at the start of {@code day}, given what was repaid since the
	 * close before that day; 0 when the day is not overdue. What was already past due at
	 * the close is overdue until it is paid; the amount due of the latest statement is
	 * overdue after its due date until it is paid.
	 */
	public long overduePrincipalOn(LocalDate day, long repaidBefore, long principalRepaidBefore) {
		if (this.pastDue > repaidBefore) {
			return Math.max(0, this.pastDuePrincipal - principalRepaidBefore);
		}
		if (this.dueDate != null && day.isAfter(this.dueDate) && repaidBefore < this.amountDue) {
			return Math.max(0, this.duePrincipal - principalRepaidBefore);
		}
		return 0;
	}

	/**
	 * Whether {@code day} is overdue, given what was repaid since the close before it.
	 */
	public boolean overdueOn(LocalDate day, long repaidBefore) {
		return this.pastDue > repaidBefore
				|| (this.dueDate != null && day.isAfter(this.dueDate) && repaidBefore < this.amountDue);
	}

	private long absorb(long charge) {
		long taken = Math.min(this.creditBalance, charge);
		this.creditBalance -= taken;
		return charge - taken;
	}

}
