package jp.settlementbatch.day;

import java.time.LocalDate;
import java.util.Set;

import jp.settlementbatch.support.intake.InboundFile;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The date rules of jobs.json, and the dates file names carry. */
class DatesTests {

	static final LocalDate FRIDAY = LocalDate.of(2026, 11, 20);

	static final LocalDate SATURDAY = LocalDate.of(2026, 11, 21);

	/** 勤労感謝の日, a Monday. */
	static final LocalDate HOLIDAY = LocalDate.of(2026, 11, 23);

	static final Set<LocalDate> HOLIDAYS = Set.of(HOLIDAY);

	@Test
	void everyCalendarDateIncludesWeekendsAndHolidays() {
		assertThat(Dates.EVERY_CALENDAR_DATE.includes(SATURDAY, HOLIDAYS)).isTrue();
		assertThat(Dates.EVERY_CALENDAR_DATE.includes(HOLIDAY, HOLIDAYS)).isTrue();
	}

	@Test
	void businessDaysAreWeekdaysThatAreNotHolidays() {
		assertThat(Dates.BUSINESS_DAYS.includes(FRIDAY, HOLIDAYS)).isTrue();
		assertThat(Dates.BUSINESS_DAYS.includes(SATURDAY, HOLIDAYS)).isFalse();
		assertThat(Dates.BUSINESS_DAYS.includes(SATURDAY.plusDays(1), HOLIDAYS)).isFalse();
		assertThat(Dates.BUSINESS_DAYS.includes(HOLIDAY, HOLIDAYS)).isFalse();
		assertThat(Dates.BUSINESS_DAYS.includes(HOLIDAY.plusDays(1), HOLIDAYS)).isTrue();
	}

	@Test
	void aFileSentWhenChangedIsNeverExpected() {
		assertThat(Dates.WHEN_CHANGED.includes(FRIDAY, HOLIDAYS)).isFalse();
	}

	@Test
	void theNextRunDateFollowsTheRule() {
		assertThat(DailyWorkflow.defined().nextRunDate(FRIDAY, HOLIDAY, HOLIDAYS)).isEqualTo(SATURDAY);
		assertThat(DailyWorkflow.defined().nextRunDate(HOLIDAY, HOLIDAY, HOLIDAYS)).isNull();
	}

	@Test
	void aFileNameCarriesItsDateOnlyInItsOwnPattern() {
		assertThat(InboundFile.REPAYMENTS.dateIn("repayment_20261121.csv")).isEqualTo(SATURDAY);
		assertThat(InboundFile.REPAYMENTS.dateIn("repayment_20261121.csv.tmp")).isNull();
		assertThat(InboundFile.REPAYMENTS.dateIn("repayment_2026112.csv")).isNull();
		assertThat(InboundFile.REPAYMENTS.dateIn("repayment_20261399.csv")).isNull();
		assertThat(InboundFile.CASH_FLOWS.dateIn("repayment_20261121.csv")).isNull();
		assertThat(InboundFile.CALENDAR.dateIn("syukujitsu.csv")).isNull();
	}

}
