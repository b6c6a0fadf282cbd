package jp.settlementbatch.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Interest and late charges accrued and not yet posted, kept exact: per kind and year
 * basis, Σ principal × apr (percent) over the days accrued. The exact accrual is the
 * numerator ÷ (100 × basis); the cycle close floors that exact quotient once per basis
 * (ledger.md: how daily amounts are stored never moves the floor).
 */
public record Accrued(BigDecimal interest365, BigDecimal interest366, BigDecimal lateCharge365,
		BigDecimal lateCharge366) {

	public static final Accrued NONE = new Accrued(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

	/** Adds {@code principal × apr} to the numerator of the day's kind and basis. */
	public Accrued plus(boolean interest, int basis, long principal, BigDecimal apr) {
		return plus(interest, basis, BigDecimal.valueOf(principal).multiply(apr));
	}

	/** Adds {@code numerator} to that of {@code basis} of interest or late charges. */
	public Accrued plus(boolean interest, int basis, BigDecimal numerator) {
		if (interest) {
			return basis == 366
					? new Accrued(this.interest365, this.interest366.add(numerator), this.lateCharge365,
							this.lateCharge366)
					: new Accrued(this.interest365.add(numerator), this.interest366, this.lateCharge365,
							this.lateCharge366);
		}
		return basis == 366
				? new Accrued(this.interest365, this.interest366, this.lateCharge365, this.lateCharge366.add(numerator))
				: new Accrued(this.interest365, this.interest366, this.lateCharge365.add(numerator),
						this.lateCharge366);
	}

	public Accrued plus(Accrued other) {
		return new Accrued(this.interest365.add(other.interest365), this.interest366.add(other.interest366),
				this.lateCharge365.add(other.lateCharge365), this.lateCharge366.add(other.lateCharge366));
	}

	/** The interest a close posts: each basis floored on its own, then added. */
	public long postedInterest() {
		return posted(this.interest365, 365) + posted(this.interest366, 366);
	}

	/** The late charges a close posts, as {@link #postedInterest()}. */
	public long postedLateCharges() {
		return posted(this.lateCharge365, 365) + posted(this.lateCharge366, 366);
	}

	/**
	 * The yen one basis posts: the exact quotient floored (切り捨て); a net credit is
	 * truncated toward zero, so it never gives back more than was charged (ledger.md).
	 */
	static long posted(BigDecimal numerator, int basis) {
		// toward zero: the floor of a charge, the truncation of a credit
		return numerator.divide(BigDecimal.valueOf(100L * basis), 0, RoundingMode.DOWN).longValueExact();
	}

}
