package jp.settlementbatch.ledger;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The money moves of ledger.md on one account, from worked examples. */
class PositionTests {

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
