package jp.settlementbatch.ledger;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;

import jp.settlementbatch.calendar.BusinessCalendar;

/**
 * The calendar of a statement cycle (ledger.md): when a cycle closes and when its payment
 * is due. Days 1 to 28 are taken as they are; 31, or a day beyond the month's length,
 * means the month's last day.
 */
public final class StatementCycle {

	private StatementCycle() {
	}

	/** The closing date of the cycle that closes in {@code month}. */
	public static LocalDate closingDate(YearMonth month, int closingDay) {
		return month.atDay(Math.min(closingDay, month.lengthOfMonth()));
	}

	/** True when {@code day} is the closing date of its month for {@code closingDay}. */
	public static boolean closesOn(LocalDate day, int closingDay) {
		return day.equals(closingDate(YearMonth.from(day), closingDay));
	}

	/**
	 * The closing date of the cycle that {@code day} belongs to: the first one on or
	 * after it.
	 */
	public static LocalDate closingOnOrAfter(LocalDate day, int closingDay) {
		LocalDate close = closingDate(YearMonth.from(day), closingDay);
		return day.isAfter(close) ? closingDate(YearMonth.from(day).plusMonths(1), closingDay) : close;
	}

	/** The latest closing date on or before {@code day}. */
	public static LocalDate closingOnOrBefore(LocalDate day, int closingDay) {
		LocalDate close = closingDate(YearMonth.from(day), closingDay);
		return day.isBefore(close) ? closingDate(YearMonth.from(day).minusMonths(1), closingDay) : close;
	}

	/**
	 * The first day of the cycle that closes on {@code closingDate}: the day after the
	 * previous close.
	 */
	public static LocalDate cycleStart(LocalDate closingDate, int closingDay) {
		return closingDate(YearMonth.from(closingDate).minusMonths(1), closingDay).plusDays(1);
	}

	/**
	 * The due date of the statement closed on {@code closingDate}: payment_day of the
	 * following month, moved to the next business day when it is a Saturday, Sunday or
	 * public holiday.
	 */
	public static LocalDate dueDate(LocalDate closingDate, int paymentDay, Set<LocalDate> holidays) {
		YearMonth month = YearMonth.from(closingDate).plusMonths(1);
		return new BusinessCalendar(holidays).onOrAfter(month.atDay(Math.min(paymentDay, month.lengthOfMonth())));
	}

}
