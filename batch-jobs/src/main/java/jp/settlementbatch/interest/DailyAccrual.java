package jp.settlementbatch.interest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Year;

import jp.settlementbatch.ledger.Accrued;

/**
 * Day counts and rates of interest and late charges (ledger.md), in one place.
 *
 * <ul>
 * <li>Day d accrues {@code principal × apr / 100 / basis(d)}; {@code basis(d)} is 366 in
 * a leap year, else 365. The ledger keeps it exact as {@code principal × apr}
 * ({@link Accrued}); each row also shows it to {@value #SCALE} decimal places.</li>
 * <li>At cycle close the exact sum is posted floored to the yen (切り捨て), the days with
 * basis 365 and the days with basis 366 floored separately and then added; the cut-off
 * fraction is dropped, not carried ({@link Accrued#postedInterest()}).</li>
 * </ul>
 */
public final class DailyAccrual {

	/**
	 * Decimal places a row shows of its day's accrual (ledger.md asks for at least 10).
	 */
	public static final int SCALE = 12;

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private DailyAccrual() {
	}

	/** 366 for a day in a leap year, else 365. */
	public static int basis(LocalDate day) {
		return Year.isLeap(day.getYear()) ? 366 : 365;
	}

	/**
	 * The accrual of one day on {@code principal} yen at {@code aprPercent} (e.g. 15.00),
	 * to {@value #SCALE} places.
	 */
	public static BigDecimal of(long principal, BigDecimal aprPercent, LocalDate day) {
		return BigDecimal.valueOf(principal)
			.multiply(aprPercent)
			.divide(HUNDRED.multiply(BigDecimal.valueOf(basis(day))), SCALE, RoundingMode.HALF_EVEN);
	}

	/**
	 * The interest a close posts for a constant principal at one rate on every day from
	 * {@code first} to {@code last}, both included: the worked examples of ledger.md.
	 */
	public static long posted(long principal, BigDecimal aprPercent, LocalDate first, LocalDate last) {
		Accrued accrued = Accrued.NONE;
		for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
			accrued = accrued.plus(true, basis(day), principal, aprPercent);
		}
		return accrued.postedInterest();
	}

}
