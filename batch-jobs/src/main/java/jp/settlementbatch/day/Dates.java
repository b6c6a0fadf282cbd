package jp.settlementbatch.day;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;

import jp.settlementbatch.calendar.BusinessCalendar;

/**
 * A rule for dates, as jobs.json names it: which dates the daily run runs for, and when a
 * sender sends its file.
 */
public enum Dates {

	/** Every calendar date (Asia/Tokyo), weekends and holidays included. */
	EVERY_CALENDAR_DATE("every-calendar-date"),

	/** Weekdays that are not Japanese public holidays (the imported calendar). */
	BUSINESS_DAYS("business-days"),

	/** Only when the sender has something to send: never expected, always welcome. */
	WHEN_CHANGED("when-changed");

	private final String name;

	Dates(String name) {
		this.name = name;
	}

	static Dates of(String name) {
		return Arrays.stream(values())
			.filter(d -> d.name.equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("jobs.json: '" + name + "' is not a date rule; use one of "
					+ Arrays.stream(values()).map(d -> d.name).toList()));
	}

	/** Whether {@code date} is one of this rule's dates, given the public holidays. */
	public boolean includes(LocalDate date, Set<LocalDate> holidays) {
		return switch (this) {
			case EVERY_CALENDAR_DATE -> true;
			case BUSINESS_DAYS -> new BusinessCalendar(holidays).isBusinessDay(date);
			case WHEN_CHANGED -> false;
		};
	}

	/** For people: "business days". */
	public String describe() {
		return switch (this) {
			case EVERY_CALENDAR_DATE -> "every calendar date";
			case BUSINESS_DAYS -> "business days";
			case WHEN_CHANGED -> "only when something changed";
		};
	}

	@Override
	public String toString() {
		return this.name;
	}

}
