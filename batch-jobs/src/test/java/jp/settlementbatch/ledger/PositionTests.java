package jp.settlementbatch.ledger;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The money moves of ledger.md on one account, from worked examples. */
class PositionTests {

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
		Position.Allocation split = position.repay(35_000, DAY);

		// then 300 + 500 + 1,200 + 10,000 + 20,000 = 32,000 owed, 3,000 over
		assertThat(split).isEqualTo(new Position.Allocation(300, 500, 1_200, 10_000, 20_000, 3_000));
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

		Position.Allocation split = position.repay(5_000, DAY);

		assertThat(split).isEqualTo(new Position.Allocation(0, 500, 1_200, 3_300, 0, 0));
		assertThat(position.cashPrincipal).isEqualTo(6_700);
		assertThat(position.principalRepaidSinceClose).isEqualTo(3_300);
		assertThat(position.repaidSinceClose).isEqualTo(5_000);
	}

	@Test
	void creditBalanceAbsorbsTheNextChargesFirst() {
		Position position = new Position();
		position.creditBalance = 7_000;

		assertThat(position.purchase(3_000)).isEqualTo(new Position.PrincipalChange(3_000 - 3_000, 0));
		assertThat(position.cashAdvance(50_000)).isEqualTo(new Position.PrincipalChange(0, 46_000));
		position.fee(500);

		assertThat(position.creditBalance).isZero();
		assertThat(position.cashPrincipal).isEqualTo(46_000);
		assertThat(position.billedFees).isEqualTo(500);
	}

	@Test
	void aRefundBeyondShoppingPrincipalBecomesCreditBalance() {
		Position position = new Position();
		position.shoppingPrincipal = 4_000;
		position.cashPrincipal = 10_000;

		assertThat(position.refund(6_000)).isEqualTo(new Position.PrincipalChange(-4_000, 0));

		assertThat(position.shoppingPrincipal).isZero();
		assertThat(position.cashPrincipal).as("a refund never pays cash principal").isEqualTo(10_000);
		assertThat(position.creditBalance).isEqualTo(2_000);
	}

	@Test
	void overdueAfterTheDueDateUntilTheAmountDueIsPaid() {
		// 40,500 due on 4 Nov, of which 500 are fees
		Position position = new Position();
		position.dueDate = LocalDate.of(2026, 11, 4);
		position.amountDue = 40_500;
		position.duePrincipal = 40_000;

		assertThat(position.overduePrincipalOn(LocalDate.of(2026, 11, 4), 0, 0)).as("the due date itself").isZero();
		assertThat(position.overduePrincipalOn(LocalDate.of(2026, 11, 5), 20_000, 19_500)).isEqualTo(20_500);
		assertThat(position.overduePrincipalOn(LocalDate.of(2026, 11, 13), 40_500, 40_000)).as("paid").isZero();
	}

}
