package jp.settlementbatch.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * The one business-day rule: a weekday that is not a Japanese public holiday of the
 * imported calendar. Which files are expected on a date, and when a statement falls due,
 * both ask it. A plain value over {@link Holidays#of} as it is read when needed, not a
 * bean held for the life of the process: import-calendar changes it in the middle of a
 * {@code daily} run.
 */
public record BusinessCalendar(Set<LocalDate> holidays) {

	public boolean isBusinessDay(LocalDate date) {
		return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY
				&& !this.holidays.contains(date);
	}

	/** {@code date} when it is a business day, else the next one. */
	public LocalDate onOrAfter(LocalDate date) {
		LocalDate day = date;
		while (!isBusinessDay(day)) {
			day = day.plusDays(1);
		}
		return day;
	}

}
