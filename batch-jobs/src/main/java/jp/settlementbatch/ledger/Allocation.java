package jp.settlementbatch.ledger;

/**
 * The split of one repayment (or of a cycle's net credit, applied like one), in the
 * allocation order of ledger.md (割賦販売法 §30の5 / 民法 §489): billed late charges, billed
 * fees, billed interest, cash principal (the higher rate), shopping principal, and what
 * is left to credit balance. Made by {@link Position#allocate}.
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

	public long amount() {
		return this.lateCharges + this.fees + this.interest + this.cashPrincipal + this.shoppingPrincipal
				+ this.creditBalance;
	}

	/** The principal it paid, as a (negative) principal change. */
	public Position.PrincipalChange principalChange() {
		return new Position.PrincipalChange(-this.shoppingPrincipal, -this.cashPrincipal);
	}

}
