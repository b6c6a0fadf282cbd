package jp.settlementbatch.statement;

/**
 * The amount due of a statement (ledger.md). LUMP_SUM pays the whole closing balance.
 * REVOLVING pays the 残高スライド slide amount for the closing balance (fees and interest
 * included), never less than the billed interest, fees and late charges, never more than
 * the closing balance. Nothing is due when the closing balance is zero or less.
 */
public final class MinimumPayment {

	private static final long[][] SLIDE = { { 100_000, 3_000 }, { 200_000, 6_000 }, { 300_000, 9_000 },
			{ 500_000, 15_000 }, { 1_000_000, 20_000 }, { 2_000_000, 50_000 } };

	private static final long ABOVE = 70_000;

	private MinimumPayment() {
	}

	public static long of(boolean revolving, long closingBalance, long billedInterestFeesAndLateCharges) {
		if (closingBalance <= 0) {
			return 0;
		}
		if (!revolving) {
			return closingBalance;
		}
		long slide = slide(closingBalance);
		return Math.min(closingBalance, Math.max(slide, billedInterestFeesAndLateCharges));
	}

	/** The slide amount for a closing balance. */
	static long slide(long closingBalance) {
		for (long[] band : SLIDE) {
			if (closingBalance <= band[0]) {
				return band[1];
			}
		}
		return ABOVE;
	}

}
