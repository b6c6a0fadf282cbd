package jp.settlementbatch.interest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Year;
import java.util.Map;
import java.util.TreeMap;

/**
 * Day counts, rates and rounding of interest and late charges (ledger.md), in one place.
 *
 * <ul>
 * <li>Day d accrues {@code principal × apr / 100 / basis(d)}, kept exact to
 * {@value #SCALE} decimal places; {@code basis(d)} is 366 in a leap year, else 365.</li>
 * <li>At cycle close the accruals are posted floored to the yen (切り捨て), the days with
 * basis 365 and the days with basis 366 floored separately and then added; the cut-off
 * fraction is dropped, not carried.</li>
 * </ul>
 */
public final class DailyAccrual {

	/** Decimal places kept for one day's accrual (ledger.md asks for at least 10). */
	public static final int SCALE = 12;

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private DailyAccrual() {
	}

	/** 366 for a day in a leap year, else 365. */
	public static int basis(LocalDate day) {
		return Year.isLeap(day.getYear()) ? 366 : 365;
	}

	/**
	 * The accrual of one day on {@code principal} yen at {@code aprPercent} (e.g. 15.00).
	 */
	public static BigDecimal of(long principal, BigDecimal aprPercent, LocalDate day) {
		return BigDecimal.valueOf(principal)
			.multiply(aprPercent)
			.divide(HUNDRED.multiply(BigDecimal.valueOf(basis(day))), SCALE, RoundingMode.HALF_EVEN);
	}

	/** What a cycle's accruals post as, in yen: floored per year basis, then added. */
	public static long posted(Map<LocalDate, BigDecimal> accrualsByDay) {
		Map<Integer, BigDecimal> byBasis = new TreeMap<>();
		accrualsByDay.forEach((day, amount) -> byBasis.merge(basis(day), amount, BigDecimal::add));
		return byBasis.values().stream().mapToLong(sum -> sum.setScale(0, RoundingMode.FLOOR).longValueExact()).sum();
	}

	/**
	 * The posted amount of a constant principal at one rate for every day from
	 * {@code first} to {@code last}, both included: the worked examples of ledger.md.
	 */
	public static long posted(long principal, BigDecimal aprPercent, LocalDate first, LocalDate last) {
		Map<LocalDate, BigDecimal> accruals = new TreeMap<>();
		for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
			accruals.put(day, of(principal, aprPercent, day));
		}
		return posted(accruals);
	}

}
