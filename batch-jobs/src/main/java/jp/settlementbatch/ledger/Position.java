package jp.settlementbatch.ledger;

import java.time.LocalDate;

/**
 * The balances of one account and the money moves of ledger.md: posting a cash flow,
 * allocating a repayment, posting a cycle's interest and late charges. A ledger job loads
 * one per account ({@link LedgerRows}), applies the day to it and saves it.
 *
 * <p>
 * {@code credit_balance} (an overpayment) absorbs the next charges first; a refund
 * reduces shopping principal and what it cannot absorb becomes credit balance. A move
 * returns how much of it reached principal, so the caller can record the value-dated
 * principal movement interest accrues on.
 */
public final class Position {

	/** The balances of ledger.md, as stored. */
	public record Balances(long shoppingPrincipal, long cashPrincipal, long billedInterest, long billedFees,
			long billedLateCharges, long creditBalance) {

		public static final Balances ZERO = new Balances(0, 0, 0, 0, 0, 0);

	}

	/** A principal change: shopping and cash parts, signed. */
	public record PrincipalChange(long shopping, long cash) {

		public static final PrincipalChange NONE = new PrincipalChange(0, 0);

	}

	private long shoppingPrincipal;

	private long cashPrincipal;

	private long billedInterest;

	private long billedFees;

	private long billedLateCharges;

	private long creditBalance;

	private Accrued accrued;

	private LocalDate lastClosedOn;

	public Position(Balances balances, Accrued accrued, LocalDate lastClosedOn) {
		this.shoppingPrincipal = balances.shoppingPrincipal();
		this.cashPrincipal = balances.cashPrincipal();
		this.billedInterest = balances.billedInterest();
		this.billedFees = balances.billedFees();
		this.billedLateCharges = balances.billedLateCharges();
		this.creditBalance = balances.creditBalance();
		this.accrued = accrued;
		this.lastClosedOn = lastClosedOn;
	}

	/** A new ledger: nothing owed, no cycle closed yet. */
	public static Position empty() {
		return new Position(Balances.ZERO, Accrued.NONE, null);
	}

	public Balances balances() {
		return new Balances(this.shoppingPrincipal, this.cashPrincipal, this.billedInterest, this.billedFees,
				this.billedLateCharges, this.creditBalance);
	}

	public Accrued accrued() {
		return this.accrued;
	}

	/** The latest closing date, or null for a ledger that has not started. */
	public LocalDate lastClosedOn() {
		return this.lastClosedOn;
	}

	/** Starts a new ledger in the cycle after {@code closingDate}. */
	public void startAfter(LocalDate closingDate) {
		if (this.lastClosedOn == null) {
			this.lastClosedOn = closingDate;
		}
	}

	public long shoppingPrincipal() {
		return this.shoppingPrincipal;
	}

	public long cashPrincipal() {
		return this.cashPrincipal;
	}

	public long creditBalance() {
		return this.creditBalance;
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

	/**
	 * Allocates a repayment of {@code amount} in the order of ledger.md: billed late
	 * charges, billed fees, billed interest, cash principal, shopping principal, and the
	 * rest to credit balance.
	 */
	public Allocation allocate(long amount) {
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
		return new Allocation(late, fees, interest, cash, shopping, left);
	}

	/**
	 * Posts a cycle's interest or late charges ({@link EntryKind#INTEREST} or
	 * {@link EntryKind#LATE_CHARGE}): a charge is absorbed by credit balance first and
	 * the rest billed; a net credit (negative) is applied like a repayment, in the
	 * allocation order (ledger.md, "A net credit").
	 * @return the principal a credit paid (none for a charge)
	 */
	public PrincipalChange post(EntryKind kind, long amount) {
		if (kind != EntryKind.INTEREST && kind != EntryKind.LATE_CHARGE) {
			throw new IllegalArgumentException("A close posts interest and late charges, not " + kind);
		}
		if (amount < 0) {
			return allocate(-amount).principalChange();
		}
		long rest = absorb(amount);
		if (kind == EntryKind.INTEREST) {
			this.billedInterest += rest;
		}
		else {
			this.billedLateCharges += rest;
		}
		return PrincipalChange.NONE;
	}

	/** Adds a run's accruals to what is accrued and not yet posted. */
	public void accrue(Accrued accruals) {
		this.accrued = this.accrued.plus(accruals);
	}

	/**
	 * Closes the cycle ending {@code closingDate}: what stays accrued is what was booked
	 * for later cycles.
	 */
	public void closed(LocalDate closingDate, Accrued remaining) {
		this.lastClosedOn = closingDate;
		this.accrued = remaining;
	}

	/** Everything owed, net of credit balance. */
	public long owed() {
		return this.shoppingPrincipal + this.cashPrincipal + billed() - this.creditBalance;
	}

	/** Billed interest, fees and late charges not yet repaid. */
	public long billed() {
		return this.billedInterest + this.billedFees + this.billedLateCharges;
	}

	/** Shopping plus cash principal. */
	public long principal() {
		return this.shoppingPrincipal + this.cashPrincipal;
	}

	private long absorb(long charge) {
		long taken = Math.min(this.creditBalance, charge);
		this.creditBalance -= taken;
		return charge - taken;
	}

}
