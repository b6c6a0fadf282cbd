package jp.settlementbatch.statement;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MinimumPaymentTests {

	@Test
	void aLumpSumAccountPaysTheWholeBalance() {
		assertThat(MinimumPayment.of(false, 123_456, 0)).isEqualTo(123_456);
	}

	@Test
	void aRevolvingAccountPaysTheSlideAmountOfItsBalance() {
		assertThat(MinimumPayment.of(true, 100_000, 0)).isEqualTo(3_000);
		assertThat(MinimumPayment.of(true, 100_001, 0)).isEqualTo(6_000);
		assertThat(MinimumPayment.of(true, 300_000, 0)).isEqualTo(9_000);
		assertThat(MinimumPayment.of(true, 500_000, 0)).isEqualTo(15_000);
		assertThat(MinimumPayment.of(true, 1_000_000, 0)).isEqualTo(20_000);
		assertThat(MinimumPayment.of(true, 2_000_000, 0)).isEqualTo(50_000);
		assertThat(MinimumPayment.of(true, 2_000_001, 0)).isEqualTo(70_000);
	}

	@Test
	void neverLessThanWhatWasBilledNorMoreThanTheBalance() {
		// 150,000 slides to 6,000, but 7,500 of interest, fees and late charges were
		// billed
		assertThat(MinimumPayment.of(true, 150_000, 7_500)).isEqualTo(7_500);
		// 2,000 owed in all: the slide of 3,000 would ask for more than is owed
		assertThat(MinimumPayment.of(true, 2_000, 0)).isEqualTo(2_000);
	}

	@Test
	void nothingIsDueOnAZeroOrCreditBalance() {
		assertThat(MinimumPayment.of(true, 0, 0)).isZero();
		assertThat(MinimumPayment.of(false, -500, 0)).isZero();
	}

}
