package jp.settlementbatch.ledger;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatementCycleTests {

	// 2026 holidays that matter below: Sports Day 12 Oct, Labour Thanksgiving Day 23 Nov
	private static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2026, 10, 12), LocalDate.of(2026, 11, 23));

	@Test
	void closingDayThirtyOneMeansTheLastDayOfEveryMonth() {
		assertThat(StatementCycle.closingDate(YearMonth.of(2026, 11), 31)).isEqualTo(LocalDate.of(2026, 11, 30));
		assertThat(StatementCycle.closingDate(YearMonth.of(2027, 2), 31)).isEqualTo(LocalDate.of(2027, 2, 28));
		assertThat(StatementCycle.closingDate(YearMonth.of(2028, 2), 31)).isEqualTo(LocalDate.of(2028, 2, 29));
		assertThat(StatementCycle.closingDate(YearMonth.of(2026, 11), 15)).isEqualTo(LocalDate.of(2026, 11, 15));
		assertThat(StatementCycle.closesOn(LocalDate.of(2026, 11, 30), 31)).isTrue();
		assertThat(StatementCycle.closesOn(LocalDate.of(2026, 11, 29), 31)).isFalse();
	}

	@Test
	void aCycleStartsTheDayAfterThePreviousClose() {
		assertThat(StatementCycle.cycleStart(LocalDate.of(2026, 11, 30), 31)).isEqualTo(LocalDate.of(2026, 11, 1));
		assertThat(StatementCycle.cycleStart(LocalDate.of(2027, 3, 31), 31)).isEqualTo(LocalDate.of(2027, 3, 1));
		assertThat(StatementCycle.cycleStart(LocalDate.of(2026, 11, 15), 15)).isEqualTo(LocalDate.of(2026, 10, 16));
	}

	@Test
	void theDueDateIsPaymentDayOfTheNextMonthOnABusinessDay() {
		// a Tuesday: as it is
		assertThat(StatementCycle.dueDate(LocalDate.of(2026, 10, 15), 10, HOLIDAYS))
			.isEqualTo(LocalDate.of(2026, 11, 10));
		// Monday 23 Nov is a public holiday: Tuesday 24th
		assertThat(StatementCycle.dueDate(LocalDate.of(2026, 10, 31), 23, HOLIDAYS))
			.isEqualTo(LocalDate.of(2026, 11, 24));
		// Saturday 10 Oct, then Sunday, then the Sports Day holiday: Tuesday 13th
		assertThat(StatementCycle.dueDate(LocalDate.of(2026, 9, 30), 10, HOLIDAYS))
			.isEqualTo(LocalDate.of(2026, 10, 13));
		// payment day 31 in February: Sunday 28 Feb 2027, so Monday 1 March
		assertThat(StatementCycle.dueDate(LocalDate.of(2027, 1, 31), 31, Set.of())).isEqualTo(LocalDate.of(2027, 3, 1));
	}

}
