package jp.settlementbatch.statement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import jp.settlementbatch.interest.DailyAccrual;
import jp.settlementbatch.ledger.Accrued;
import jp.settlementbatch.ledger.AmountsDue;
import jp.settlementbatch.ledger.EntryKind;
import jp.settlementbatch.ledger.LedgerAccount;
import jp.settlementbatch.ledger.Position;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The cycle close of ledger.md on plain values, from its worked examples. */
class StatementCloseTests {

	static final LedgerAccount.Terms REVOLVING_15 = new LedgerAccount.Terms("1000000001", true, new BigDecimal("15.00"),
			new BigDecimal("15.00"), 31, 27);

	static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 23));

	static LedgerAccount account(LedgerAccount.Terms terms, Position.Balances balances, LocalDate lastClosedOn) {
		return new LedgerAccount(terms, new Position(balances, Accrued.NONE, lastClosedOn), lastClosedOn);
	}

	@Test
	void theWorkedExampleClosesAt1232YenOfInterestWithTheSlideMinimumAndADueDateOnAWeekday() {
		// given 100,000 cash advanced on 1 Oct, accrued 2–31 Oct at 15.00%
		LedgerAccount account = account(REVOLVING_15, new Position.Balances(0, 100_000, 0, 0, 0, 0),
				LocalDate.of(2026, 9, 30));
		Accrued accrued = Accrued.NONE;
		for (LocalDate day = LocalDate.of(2026, 10, 2); !day.isAfter(LocalDate.of(2026, 10, 31)); day = day
			.plusDays(1)) {
			accrued = accrued.plus(true, DailyAccrual.basis(day), 100_000, new BigDecimal("15.00"));
		}
		AmountsDue dues = new AmountsDue();

		// when the cycle ending 31 Oct closes
		StatementClose.Closed closed = StatementClose.close(account, dues, LocalDate.of(2026, 10, 31), 0,
				Map.of(EntryKind.CASH_ADVANCE, 100_000L), accrued, Accrued.NONE, HOLIDAYS);

		// then 100,000 × 0.15 × 30 / 365 = 1,232.87 → 1,232; the slide for 101,232 is
		// 6,000; 27 Nov 2026 is a Friday
		assertThat(closed.statement())
			.isEqualTo(new StatementClose.Statement("1000000001", LocalDate.of(2026, 10, 31), LocalDate.of(2026, 10, 1),
					LocalDate.of(2026, 11, 27), 0, 0, 0, 100_000, 0, 1_232, 0, 0, 101_232, 6_000, 6_000));
		assertThat(account.position().balances()).isEqualTo(new Position.Balances(0, 100_000, 1_232, 0, 0, 0));
		assertThat(account.position().accrued()).as("the fraction is dropped, not carried").isEqualTo(Accrued.NONE);
		assertThat(dues.dues()).containsExactly(
				new AmountsDue.Due(LocalDate.of(2026, 10, 31), LocalDate.of(2026, 11, 27), 6_000, 6_000 - 1_232));
	}

	@Test
	void aDueDateOnAHolidayMovesToTheNextBusinessDay() {
		// closes 20 Oct, pays on the 3rd: 3 Nov is 文化の日 → 4 Nov
		LedgerAccount account = account(
				new LedgerAccount.Terms("1000000002", false, new BigDecimal("15.00"), new BigDecimal("15.00"), 20, 3),
				new Position.Balances(40_000, 0, 0, 500, 0, 0), LocalDate.of(2026, 9, 20));

		StatementClose.Statement statement = StatementClose
			.close(account, new AmountsDue(), LocalDate.of(2026, 10, 20), 0,
					Map.of(EntryKind.PURCHASE, 50_000L, EntryKind.REFUND, 10_000L, EntryKind.FEE, 500L), Accrued.NONE,
					Accrued.NONE, HOLIDAYS)
			.statement();

		// LUMP_SUM: the whole balance is due
		assertThat(statement.dueDate()).isEqualTo(LocalDate.of(2026, 11, 4));
		assertThat(statement.closingBalance()).isEqualTo(40_500);
		assertThat(statement.minimumPayment()).isEqualTo(40_500);
	}

	@Test
	void aNetCreditIsPostedTruncatedTowardZeroAndAppliedLikeARepayment() {
		// ledger.md case: 18 yen of late charges posted at the 31 Dec close were paid for
		// by a repayment paid on time; its file came on 4 Jan, and the open cycle's late
		// charges net −18.7 (catch-up rows for days of the closed cycle)
		LedgerAccount account = account(REVOLVING_15, new Position.Balances(491_387, 0, 0, 0, 0, 0),
				LocalDate.of(2026, 12, 31));
		Accrued credit = Accrued.NONE.plus(false, 365, new BigDecimal("-682550"));
		AmountsDue dues = new AmountsDue();

		StatementClose.Closed closed = StatementClose.close(account, dues, LocalDate.of(2027, 1, 31), 506_387,
				Map.of(EntryKind.REPAYMENT, 15_000L), credit, Accrued.NONE, HOLIDAYS);

		// −682,550 / 36,500 = −18.7 → −18: never more than was charged
		assertThat(closed.lateChargesPosted()).isEqualTo(-18);
		assertThat(closed.statement().lateCharges()).isEqualTo(-18);
		// nothing billed is left, so the credit pays shopping principal
		assertThat(closed.creditedPrincipal()).isEqualTo(new Position.PrincipalChange(-18, 0));
		assertThat(account.position().balances()).isEqualTo(new Position.Balances(491_369, 0, 0, 0, 0, 0));
		assertThat(closed.statement().closingBalance()).isEqualTo(506_387 - 15_000 - 18);
	}

	@Test
	void aLaterLumpSumStatementAsksOnlyForWhatIsNew() {
		// 100,000 due 7 Dec unpaid; the 10 Dec statement: 50,000 bought, 120 of late
		// charges
		LedgerAccount account = account(
				new LedgerAccount.Terms("1000000004", false, new BigDecimal("15.00"), new BigDecimal("0.00"), 10, 5),
				new Position.Balances(150_000, 0, 0, 0, 0, 0), LocalDate.of(2026, 11, 10));
		AmountsDue dues = new AmountsDue();
		dues.open(LocalDate.of(2026, 11, 10), LocalDate.of(2026, 12, 7), 100_000, 100_000, 0);
		Accrued lateCharges = Accrued.NONE.plus(false, 365, 3 * 100_000, new BigDecimal("14.60"));

		StatementClose.Statement statement = StatementClose
			.close(account, dues, LocalDate.of(2026, 12, 10), 100_000, Map.of(EntryKind.PURCHASE, 50_000L), lateCharges,
					Accrued.NONE, HOLIDAYS)
			.statement();

		// 3 days × 40 = 120; due Tuesday 5 Jan 2027
		assertThat(statement.closingBalance()).isEqualTo(150_120);
		assertThat(statement.amountDue()).isEqualTo(150_120);
		assertThat(dues.dues()).last()
			.isEqualTo(new AmountsDue.Due(LocalDate.of(2026, 12, 10), LocalDate.of(2027, 1, 5), 50_120, 50_000));
	}

}
