package jp.settlementbatch.repayment;

import java.time.LocalDate;

import jp.settlementbatch.ledger.Position;

/**
 * The split of one repayment, in the allocation order of ledger.md (割賦販売法 §30の5 / 民法
 * §489): billed late charges, billed fees, billed interest, cash principal (the higher
 * rate), shopping principal, and what is left to credit balance.
 *
 * @param lateCharges to billed late charges
 * @param fees to billed fees
 * @param interest to billed interest
 * @param cashPrincipal to cash principal
 * @param shoppingPrincipal to shopping principal
 * @param creditBalance the rest, held as credit balance
 */
public record Allocation(long lateCharges, long fees, long interest, long cashPrincipal, long shoppingPrincipal,
		long creditBalance) {

	/** What reached principal (and stops interest from the day after it was paid). */
	public long principal() {
		return this.cashPrincipal + this.shoppingPrincipal;
	}

	/**
	 * Allocates {@code amount} on {@code position}, posted on {@code businessDate} and
	 * paid on {@code paidOn}. It counts toward the amount due of the latest statement
	 * from the day after it was paid: one paid on the business date counts from tomorrow,
	 * one of a late file (paid before the business date) already counts.
	 */
	public static Allocation apply(Position position, long amount, LocalDate businessDate, LocalDate paidOn) {
		long left = amount;
		long late = Math.min(left, position.billedLateCharges);
		left -= late;
		long fees = Math.min(left, position.billedFees);
		left -= fees;
		long interest = Math.min(left, position.billedInterest);
		left -= interest;
		long cash = Math.min(left, position.cashPrincipal);
		left -= cash;
		long shopping = Math.min(left, position.shoppingPrincipal);
		left -= shopping;
		position.billedLateCharges -= late;
		position.billedFees -= fees;
		position.billedInterest -= interest;
		position.cashPrincipal -= cash;
		position.shoppingPrincipal -= shopping;
		position.creditBalance += left;
		Allocation allocation = new Allocation(late, fees, interest, cash, shopping, left);
		position.repaidSinceClose += amount;
		position.principalRepaidSinceClose += allocation.principal();
		if (paidOn.isBefore(businessDate)) {
			return allocation;
		}
		if (!businessDate.equals(position.repaidOn)) {
			position.repaidOn = businessDate;
			position.repaidThatDay = 0;
			position.principalRepaidThatDay = 0;
		}
		position.repaidThatDay += amount;
		position.principalRepaidThatDay += allocation.principal();
		return allocation;
	}

}
