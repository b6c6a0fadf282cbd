package jp.settlementbatch.repayment;

import java.time.LocalDate;

import jp.settlementbatch.ledger.Position;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The allocation order of ledger.md, from worked examples. */
class AllocationTests {

	static final LocalDate DAY = LocalDate.of(2026, 11, 20);

	@Test
	void aRepaymentPaysLateChargesFeesInterestCashThenShoppingAndKeepsTheRestAsCredit() {
		// given 300 late charges, 500 fees, 1,200 interest, 10,000 cash, 20,000 shopping
		Position position = new Position();
		position.billedLateCharges = 300;
		position.billedFees = 500;
		position.billedInterest = 1_200;
		position.cashPrincipal = 10_000;
		position.shoppingPrincipal = 20_000;

		// when 35,000 is repaid
		Allocation split = Allocation.apply(position, 35_000, DAY, DAY);

		// then 300 + 500 + 1,200 + 10,000 + 20,000 = 32,000 owed, 3,000 over
		assertThat(split).isEqualTo(new Allocation(300, 500, 1_200, 10_000, 20_000, 3_000));
		assertThat(position.owed()).isEqualTo(-3_000);
		assertThat(position.creditBalance).isEqualTo(3_000);
	}

	@Test
	void aPartialRepaymentStopsWhereTheMoneyEnds() {
		Position position = new Position();
		position.billedFees = 500;
		position.billedInterest = 1_200;
		position.cashPrincipal = 10_000;
		position.shoppingPrincipal = 20_000;

		Allocation split = Allocation.apply(position, 5_000, DAY, DAY);

		assertThat(split).isEqualTo(new Allocation(0, 500, 1_200, 3_300, 0, 0));
		assertThat(position.cashPrincipal).isEqualTo(6_700);
		assertThat(position.principalRepaidSinceClose).isEqualTo(3_300);
		assertThat(position.repaidSinceClose).isEqualTo(5_000);
	}

	@Test
	void aRepaymentCountsTowardTheAmountDueFromTheDayAfterItWasPaid() {
		// 6,000 due on 27 Nov, of which 1,232 billed interest
		Position position = new Position();
		position.billedInterest = 1_232;
		position.cashPrincipal = 100_000;
		position.dueDate = LocalDate.of(2026, 11, 27);
		position.amountDue = 6_000;
		position.duePrincipal = 4_768;
		LocalDate the28th = LocalDate.of(2026, 11, 28);

		// paid on the 26th, in a file posted on the 28th: it already counts on the 28th
		Allocation late = Allocation.apply(position, 6_000, the28th, LocalDate.of(2026, 11, 26));

		assertThat(late).isEqualTo(new Allocation(0, 0, 1_232, 4_768, 0, 0));
		assertThat(position.repaidThatDay).as("not a repayment of the 28th").isZero();
		assertThat(position.overduePrincipalOn(the28th, position.repaidSinceClose - position.repaidThatDay,
				position.principalRepaidSinceClose - position.principalRepaidThatDay))
			.isZero();

		// one paid on the 28th itself counts from the 29th
		Position sameDay = new Position();
		sameDay.billedInterest = 1_232;
		sameDay.cashPrincipal = 100_000;
		Allocation.apply(sameDay, 6_000, the28th, the28th);
		assertThat(sameDay.repaidOn).isEqualTo(the28th);
		assertThat(sameDay.repaidThatDay).isEqualTo(6_000);
	}

}
