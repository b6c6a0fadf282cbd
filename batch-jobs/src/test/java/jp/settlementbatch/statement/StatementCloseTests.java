package jp.settlementbatch.statement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import jp.settlementbatch.interest.DailyAccrual;
import jp.settlementbatch.ledger.LedgerAccount;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The cycle close of ledger.md on plain values, from its worked example. */
class StatementCloseTests {

	static final LedgerAccount.Terms REVOLVING_15 = new LedgerAccount.Terms("1000000001", true, new BigDecimal("15.00"),
			new BigDecimal("15.00"), 31, 27);

	@Test
	void theWorkedExampleClosesAt1232YenOfInterestWithTheSlideMinimumAndADueDateOnAWeekday() {
		// given 100,000 cash advanced on 1 Oct, accrued 2–31 Oct at 15.00%
		LedgerAccount account = new LedgerAccount(REVOLVING_15, LocalDate.of(2026, 10, 31));
		account.position.cashPrincipal = 100_000;
		account.position.lastClosedOn = LocalDate.of(2026, 9, 30);
		BigDecimal accrued = BigDecimal.ZERO;
		for (LocalDate day = LocalDate.of(2026, 10, 2); !day.isAfter(LocalDate.of(2026, 10, 31)); day = day
			.plusDays(1)) {
			accrued = accrued.add(DailyAccrual.of(100_000, new BigDecimal("15.00"), day));
		}

		// when the cycle ending 31 Oct closes
		StatementClose.Statement statement = StatementClose.close(account, LocalDate.of(2026, 10, 31), 0,
				Map.of("CASH_ADVANCE", 100_000L),
				new StatementClose.CycleAccruals(accrued, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO),
				StatementClose.CycleAccruals.NONE, Set.of(LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 23)));

		// then 100,000 × 0.15 × 30 / 365 = 1,232.87 → 1,232; the slide for 101,232 is
		// 6,000; 27 Nov 2026 is a Friday
		assertThat(statement)
			.isEqualTo(new StatementClose.Statement("1000000001", LocalDate.of(2026, 10, 31), LocalDate.of(2026, 10, 1),
					LocalDate.of(2026, 11, 27), 0, 0, 0, 100_000, 0, 1_232, 0, 0, 101_232, 6_000, 6_000));
		assertThat(account.position.billedInterest).isEqualTo(1_232);
		assertThat(account.position.interest365).as("the fraction is dropped, not carried").isZero();
		assertThat(account.position.amountDue).isEqualTo(6_000);
		assertThat(account.position.duePrincipal).isEqualTo(6_000 - 1_232);
	}

	@Test
	void aDueDateOnAHolidayMovesToTheNextBusinessDay() {
		// closes 20 Oct, pays on the 3rd: 3 Nov is 文化の日 → 4 Nov
		LedgerAccount account = new LedgerAccount(
				new LedgerAccount.Terms("1000000002", false, new BigDecimal("15.00"), new BigDecimal("15.00"), 20, 3),
				LocalDate.of(2026, 10, 20));
		account.position.shoppingPrincipal = 40_000;
		account.position.billedFees = 500;
		account.position.lastClosedOn = LocalDate.of(2026, 9, 20);

		StatementClose.Statement statement = StatementClose.close(account, LocalDate.of(2026, 10, 20), 0,
				Map.of("PURCHASE", 50_000L, "REFUND", 10_000L, "FEE", 500L), StatementClose.CycleAccruals.NONE,
				StatementClose.CycleAccruals.NONE, Set.of(LocalDate.of(2026, 11, 3)));

		// LUMP_SUM: the whole balance is due
		assertThat(statement.dueDate()).isEqualTo(LocalDate.of(2026, 11, 4));
		assertThat(statement.closingBalance()).isEqualTo(40_500);
		assertThat(statement.minimumPayment()).isEqualTo(40_500);
	}

}
