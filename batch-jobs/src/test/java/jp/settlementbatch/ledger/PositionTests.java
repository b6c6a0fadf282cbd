package jp.settlementbatch.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The money moves of ledger.md on one account, from worked examples. */
class PositionTests {

	static Position position(long shopping, long cash, long interest, long fees, long lateCharges, long credit) {
		return new Position(new Position.Balances(shopping, cash, interest, fees, lateCharges, credit), Accrued.NONE,
				LocalDate.of(2026, 10, 31));
	}

	@Test
	void creditBalanceAbsorbsTheNextChargesFirst() {
		Position position = position(0, 0, 0, 0, 0, 7_000);

		assertThat(position.purchase(3_000)).isEqualTo(new Position.PrincipalChange(3_000 - 3_000, 0));
		assertThat(position.cashAdvance(50_000)).isEqualTo(new Position.PrincipalChange(0, 46_000));
		position.fee(500);

		assertThat(position.balances()).isEqualTo(new Position.Balances(0, 46_000, 0, 500, 0, 0));
	}

	@Test
	void aRefundBeyondShoppingPrincipalBecomesCreditBalance() {
		Position position = position(4_000, 10_000, 0, 0, 0, 0);

		assertThat(position.refund(6_000)).isEqualTo(new Position.PrincipalChange(-4_000, 0));

		assertThat(position.balances()).as("a refund never pays cash principal")
			.isEqualTo(new Position.Balances(0, 10_000, 0, 0, 0, 2_000));
	}

	@Test
	void aRepaymentPaysLateChargesFeesInterestCashThenShoppingAndKeepsTheRestAsCredit() {
		// given 300 late charges, 500 fees, 1,200 interest, 10,000 cash, 20,000 shopping
		Position position = position(20_000, 10_000, 1_200, 500, 300, 0);

		// when 35,000 is repaid
		Allocation split = position.allocate(35_000);

		// then 300 + 500 + 1,200 + 10,000 + 20,000 = 32,000 owed, 3,000 over
		assertThat(split).isEqualTo(new Allocation(300, 500, 1_200, 10_000, 20_000, 3_000));
		assertThat(position.owed()).isEqualTo(-3_000);
		assertThat(position.creditBalance()).isEqualTo(3_000);
	}

	@Test
	void aPartialRepaymentStopsWhereTheMoneyEnds() {
		Position position = position(20_000, 10_000, 1_200, 500, 0, 0);

		Allocation split = position.allocate(5_000);

		assertThat(split).isEqualTo(new Allocation(0, 500, 1_200, 3_300, 0, 0));
		assertThat(split.principalChange()).isEqualTo(new Position.PrincipalChange(0, -3_300));
		assertThat(position.cashPrincipal()).isEqualTo(6_700);
	}

	@Test
	void chargesPostedAtACloseAreAbsorbedByCreditBalanceFirst() {
		Position position = position(0, 10_000, 0, 0, 0, 100);

		assertThat(position.post(EntryKind.INTEREST, 150)).isEqualTo(Position.PrincipalChange.NONE);
		position.post(EntryKind.LATE_CHARGE, 40);

		assertThat(position.balances()).isEqualTo(new Position.Balances(0, 10_000, 50, 0, 40, 0));
	}

	@Test
	void aNetCreditIsAppliedLikeARepaymentInTheAllocationOrder() {
		// ledger.md, "A net credit": 18 yen of late charges given back after they were
		// paid; 5 yen of late charges, 3 of fees are billed now, 20,000 cash owed
		Position position = position(0, 20_000, 0, 3, 5, 0);

		Position.PrincipalChange paid = position.post(EntryKind.LATE_CHARGE, -18);

		// late charges 5, fees 3, then 10 of cash principal
		assertThat(position.balances()).isEqualTo(new Position.Balances(0, 19_990, 0, 0, 0, 0));
		assertThat(paid).isEqualTo(new Position.PrincipalChange(0, -10));
	}

	@Test
	void aNewLedgerStartsAfterTheClosingDateBeforeItsFirstPostingAndKeepsItsAccruals() {
		Position position = Position.empty();
		position.startAfter(LocalDate.of(2026, 10, 31));
		position.startAfter(LocalDate.of(2026, 11, 30));
		position.accrue(Accrued.NONE.plus(true, 365, 1_000, new BigDecimal("15.00")));

		assertThat(position.lastClosedOn()).isEqualTo(LocalDate.of(2026, 10, 31));
		assertThat(position.accrued().interest365()).isEqualByComparingTo("15000");
	}

}
