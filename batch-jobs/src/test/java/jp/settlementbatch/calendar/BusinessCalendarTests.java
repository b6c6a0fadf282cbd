package jp.settlementbatch.calendar;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessCalendarTests {

	/** 2026: 3 Nov (Tuesday) Culture Day, 23 Nov (Monday) Labour Thanksgiving Day. */
	static final BusinessCalendar TOKYO_2026 = new BusinessCalendar(
			Set.of(LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 23)));

	@Test
	void weekendsAndPublicHolidaysAreNotBusinessDays() {
		assertThat(TOKYO_2026.isBusinessDay(LocalDate.of(2026, 11, 20))).as("Friday").isTrue();
		assertThat(TOKYO_2026.isBusinessDay(LocalDate.of(2026, 11, 21))).as("Saturday").isFalse();
		assertThat(TOKYO_2026.isBusinessDay(LocalDate.of(2026, 11, 22))).as("Sunday").isFalse();
		assertThat(TOKYO_2026.isBusinessDay(LocalDate.of(2026, 11, 23))).as("a holiday on a Monday").isFalse();
		assertThat(TOKYO_2026.isBusinessDay(LocalDate.of(2026, 11, 3))).as("a holiday on a Tuesday").isFalse();
	}

	@Test
	void aDayThatIsNoBusinessDayMovesToTheNextOne() {
		assertThat(TOKYO_2026.onOrAfter(LocalDate.of(2026, 11, 21))).as("Saturday before a holiday Monday")
			.isEqualTo(LocalDate.of(2026, 11, 24));
		assertThat(TOKYO_2026.onOrAfter(LocalDate.of(2026, 11, 3))).isEqualTo(LocalDate.of(2026, 11, 4));
		assertThat(TOKYO_2026.onOrAfter(LocalDate.of(2026, 11, 20))).as("a business day stays")
			.isEqualTo(LocalDate.of(2026, 11, 20));
	}

}
