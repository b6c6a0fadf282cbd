package jp.settlementbatch.account;

import java.math.BigDecimal;
import java.time.LocalDate;

import jp.settlementbatch.support.intake.LineRejected;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountLineTests {

	private static String[] account(String cashLimit, String shoppingApr, String cashApr) {
		return new String[] { "D", "1000000001", "CUS00000001", "ACTIVE", "2020-04-01", "REVOLVING", "500000",
				cashLimit, shoppingApr, cashApr, "31", "27" };
	}

	@Test
	void theCashRateCapFollowsTheCashLimitBandsOfTheInterestRateRestrictionAct() {
		// below 100,000 yen: 20%; below 1,000,000 yen: 18%; from 1,000,000 yen: 15%
		assertThat(InterestRateCap.cashAprCap(99_999)).isEqualByComparingTo("20.00");
		assertThat(InterestRateCap.cashAprCap(100_000)).isEqualByComparingTo("18.00");
		assertThat(InterestRateCap.cashAprCap(999_999)).isEqualByComparingTo("18.00");
		assertThat(InterestRateCap.cashAprCap(1_000_000)).isEqualByComparingTo("15.00");
	}

	@Test
	void anAccountAtItsCapIsTakenAndOneAboveIsRejected() throws LineRejected {
		assertThat(AccountLine.check(account("500000", "15.00", "18.00"), LocalDate.now()).cashApr())
			.isEqualTo(new BigDecimal("18.00"));
		assertCapExceeded(account("500000", "15.00", "18.01"));
		assertCapExceeded(account("1000000", "15.00", "15.50"));
		assertCapExceeded(account("50000", "15.00", "20.01"));
		// no rate at all above 20% (出資法), shopping included
		assertCapExceeded(account("0", "20.50", "15.00"));
	}

	@Test
	void closingAndPaymentDaysAreOneTo28Or31() {
		String[] line = account("500000", "15.00", "18.00");
		line[10] = "30";
		assertThatThrownBy(() -> AccountLine.check(line, LocalDate.now())).isInstanceOf(LineRejected.class)
			.extracting(ex -> ((LineRejected) ex).reason())
			.isEqualTo("INVALID_FIELD:closing_day");
	}

	private void assertCapExceeded(String[] line) {
		assertThatThrownBy(() -> AccountLine.check(line, LocalDate.now())).isInstanceOf(LineRejected.class)
			.extracting(ex -> ((LineRejected) ex).reason())
			.isEqualTo("INTEREST_RATE_CAP_EXCEEDED");
	}

}
