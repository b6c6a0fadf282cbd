package jp.settlementbatch.interest;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Worked examples of ledger.md and the ledger issue, computed by hand. */
class DailyAccrualTests {

	private static final BigDecimal P15 = new BigDecimal("15.00");

	private static final BigDecimal P18 = new BigDecimal("18.00");

	@Test
	void aCashAdvanceOfOneHundredThousandAtFifteenPercentForThirtyDaysPostsOneThousandTwoHundredThirtyTwo() {
		// 100,000 × 0.15 × 30 / 365 = 1,232.87… → 1,232 (days 2–31 October)
		assertThat(DailyAccrual.posted(100_000, P15, LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 31)))
			.isEqualTo(1_232);
	}

	@Test
	void theFloorIsTakenOfTheExactSumNotOfRoundedDailyAmounts() {
		// ledger.md: 10,000 cash at 18.00% for 27 days and 11,000 for 2 days is exactly
		// 1,051,200 / 7,300 = 144 yen
		jp.settlementbatch.ledger.Accrued accrued = jp.settlementbatch.ledger.Accrued.NONE;
		BigDecimal rounded = BigDecimal.ZERO;
		for (int day = 2; day <= 30; day++) {
			LocalDate date = LocalDate.of(2026, 11, day);
			long principal = day <= 28 ? 10_000 : 11_000;
			accrued = accrued.plus(true, DailyAccrual.basis(date), principal, P18);
			rounded = rounded.add(DailyAccrual.of(principal, P18, date));
		}
		assertThat(accrued.postedInterest()).isEqualTo(144);
		// what the rows show, each to 12 places, adds up to just under 144
		assertThat(rounded).isLessThan(new BigDecimal("144"));
	}

	@Test
	void moreWorkedExamples() {
		// 100,000 × 0.18 × 27 / 365 = 1,331.50… → 1,331
		assertThat(DailyAccrual.posted(100_000, P18, LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 28)))
			.isEqualTo(1_331);
		// 20,000 × 0.18 × 30 / 365 = 295.89… → 295
		assertThat(DailyAccrual.posted(20_000, P18, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30)))
			.isEqualTo(295);
		// late charge: 500,000 overdue × 0.146 × 10 / 365 = 2,000 exactly
		assertThat(DailyAccrual.posted(500_000, new BigDecimal("14.60"), LocalDate.of(2026, 7, 11),
				LocalDate.of(2026, 7, 20)))
			.isEqualTo(2_000);
	}

	@Test
	void theYenIsFlooredSoSeventyNineYenEarnsOneAndSeventyEightNone() {
		// 79 × 0.15 × 31 / 365 = 1.006…; 78 × 0.15 × 31 / 365 = 0.993…
		assertThat(DailyAccrual.posted(79, P15, LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 31))).isEqualTo(1);
		assertThat(DailyAccrual.posted(78, P15, LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 31))).isZero();
	}

	@Test
	void aCycleAcrossTheLeapYearBoundaryIsFlooredPerYearBasis() {
		// 17–31 Dec 2027: 100,000 × 0.15 × 15 / 365 = 616.43… → 616
		// 1–15 Jan 2028: 100,000 × 0.15 × 15 / 366 = 614.75… → 614
		// posted 1,230, not floor(1,231.19…) = 1,231
		assertThat(DailyAccrual.posted(100_000, P15, LocalDate.of(2027, 12, 17), LocalDate.of(2028, 1, 15)))
			.isEqualTo(1_230);
	}

	@Test
	void theBasisIsTheLengthOfTheYearTheDayIsIn() {
		assertThat(DailyAccrual.basis(LocalDate.of(2028, 2, 29))).isEqualTo(366);
		assertThat(DailyAccrual.basis(LocalDate.of(2027, 12, 31))).isEqualTo(365);
		assertThat(DailyAccrual.basis(LocalDate.of(2100, 1, 1))).isEqualTo(365);
		assertThat(DailyAccrual.basis(LocalDate.of(2000, 1, 1))).isEqualTo(366);
	}

	@Test
	void aDaysAccrualKeepsAtLeastTenDecimalPlaces() {
		// 100,000 × 15 / 36,500 = 41.0958904109589…
		BigDecimal day = DailyAccrual.of(100_000, P15, LocalDate.of(2026, 10, 2));
		assertThat(day.scale()).isGreaterThanOrEqualTo(10);
		assertThat(day).isBetween(new BigDecimal("41.0958904109"), new BigDecimal("41.0958904110"));
	}

}
