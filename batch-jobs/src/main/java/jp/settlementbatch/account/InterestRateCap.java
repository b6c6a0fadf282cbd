package jp.settlementbatch.account;

import java.math.BigDecimal;

/**
 * The highest rates the law allows. Cash lending: Interest Rate Restriction Act §1
 * (利息制限法), banded by the cash limit (極度額): below 100,000 yen 20%, below 1,000,000 yen
 * 18%, otherwise 15%. No rate above 20% at all (出資法), shopping included.
 */
public final class InterestRateCap {

	public static final BigDecimal ABSOLUTE_MAX = new BigDecimal("20.00");

	private InterestRateCap() {
	}

	public static BigDecimal cashAprCap(long cashLimit) {
		if (cashLimit < 100_000) {
			return new BigDecimal("20.00");
		}
		if (cashLimit < 1_000_000) {
			return new BigDecimal("18.00");
		}
		return new BigDecimal("15.00");
	}

	public static boolean cashAprAllowed(BigDecimal cashApr, long cashLimit) {
		return cashApr.compareTo(cashAprCap(cashLimit)) <= 0;
	}

	public static boolean shoppingAprAllowed(BigDecimal shoppingApr) {
		return shoppingApr.compareTo(ABSOLUTE_MAX) <= 0;
	}

}
