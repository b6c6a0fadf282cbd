package jp.settlementbatch.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The balances of one account and the money rules that move them (ledger.md): posting a
 * cash flow, posting interest and late charges. A plain, mutable object: a ledger job
 * loads one per account, applies the day to it and saves it. How a repayment is allocated
 * is the rule of {@code repayment.Allocation}.
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

	/** Everything owed, net of credit balance. */
	public long owed() {
		return this.shoppingPrincipal + this.cashPrincipal + billed() - this.creditBalance;
	}

	/** Billed interest, fees and late charges not yet repaid. */
	public long billed() {
		return this.billedInterest + this.billedFees + this.billedLateCharges;
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
