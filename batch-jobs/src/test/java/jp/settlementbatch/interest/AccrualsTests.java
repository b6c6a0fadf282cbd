package jp.settlementbatch.interest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jp.settlementbatch.ledger.Accrued;
import jp.settlementbatch.ledger.AmountsDue;
import jp.settlementbatch.ledger.EntryKind;
import jp.settlementbatch.ledger.LedgerAccount;
import jp.settlementbatch.ledger.Position;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Daily accrual over several days and its catch-up, on plain values (ledger.md). */
class AccrualsTests {

	static final LedgerAccount.Terms REVOLVING_15 = new LedgerAccount.Terms("1000000001", true, new BigDecimal("15.00"),
			new BigDecimal("15.00"), 31, 27);

	static final LedgerAccount.Terms REVOLVING_15_18 = new LedgerAccount.Terms("1000000001", true,
			new BigDecimal("15.00"), new BigDecimal("18.00"), 31, 27);

	static LocalDate d(String date) {
		return LocalDate.parse(date);
	}

	static Position owing(long shopping, long cash, LocalDate lastClosedOn) {
		return new Position(new Position.Balances(shopping, cash, 0, 0, 0, 0), Accrued.NONE, lastClosedOn);
	}

	static List<String> rows(Accruals.Result result) {
		return result.rows()
			.stream()
			.map(r -> r.day() + " " + r.kind() + " " + r.principal() + " " + r.catchUp())
			.toList();
	}

	@Test
	void aCashAdvanceAccruesFromTheNextDayAndAMonthOfRunsPostsTheWorkedExample() {
		// 1 Oct: a 100,000 cash advance valued that day, on a new ledger
		Accruals.Account first = new Accruals.Account(REVOLVING_15, owing(0, 100_000, null), null);
		first.movements.add(new Accruals.Movement(d("2026-10-01"), d("2026-10-01"), 0, 100_000));
		assertThat(Accruals.accrue(first, d("2026-10-01")).rows()).as("the day of borrowing does not accrue").isEmpty();

		// 2–31 Oct, one run a day except three days caught up by one run on the 31st
		Accrued accrued = Accrued.NONE;
		LocalDate accruedThrough = d("2026-10-01");
		for (LocalDate run : List.of(d("2026-10-02"), d("2026-10-03"), d("2026-10-28"), d("2026-10-31"))) {
			Accruals.Account account = new Accruals.Account(REVOLVING_15, owing(0, 100_000, d("2026-09-30")),
					accruedThrough);
			Accruals.Result result = Accruals.accrue(account, run);
			assertThat(result.rows())
				.allMatch(r -> r.principal() == 100_000 && r.kind() == EntryKind.INTEREST && !r.catchUp());
			assertThat(result.rows()).hasSize((int) (run.toEpochDay() - accruedThrough.toEpochDay()));
			accrued = accrued.plus(result.accrued());
			accruedThrough = run;
		}

		// 100,000 × 0.15 × 30 / 365 = 1,232.876... → 1,232 when the cycle closes
		assertThat(accrued.interest365()).isEqualByComparingTo("45000000");
		assertThat(accrued.postedInterest()).isEqualTo(1_232);
	}

	@Test
	void aLateRepaymentReversesInterestAndTheLateChargesOfTheDaysItHadPaid() {
		// given 6,000 due on 27 Nov (1,232 interest, 4,768 principal), accrued through
		// the 29th as overdue on the 28th and 29th, and the repayment of the 26th posted
		// on the 30th: 1,232 to interest, 4,768 to cash principal
		Accruals.Account account = due27NovAccruedThe29th(95_232);
		account.movements.add(new Accruals.Movement(d("2026-11-30"), d("2026-11-26"), 0, -4_768));
		account.amountsDue
			.credit(new AmountsDue.Credit(AmountsDue.Source.REPAYMENT, d("2026-11-30"), d("2026-11-26"), 6_000, null));
		account.lateCreditFrom = d("2026-11-27");
		account.bookedInterest.put(d("2026-11-27"), Map.of(new BigDecimal("15.00"), 100_000L));
		account.bookedInterest.put(d("2026-11-28"), Map.of(new BigDecimal("15.00"), 100_000L));
		account.bookedInterest.put(d("2026-11-29"), Map.of(new BigDecimal("15.00"), 100_000L));
		account.bookedLateCharge.put(d("2026-11-28"), 4_768L);
		account.bookedLateCharge.put(d("2026-11-29"), 4_768L);

		// when the 30th accrues
		Accruals.Result result = Accruals.accrue(account, d("2026-11-30"));

		// then the 27th to 29th accrue −4,768 each (caught up), the 30th accrues 95,232,
		// and each overdue day is reversed: 4,768 × 14.60% / 365 = 1.9072
		assertThat(rows(result)).containsExactlyInAnyOrder("2026-11-27 INTEREST -4768 true",
				"2026-11-28 INTEREST -4768 true", "2026-11-29 INTEREST -4768 true", "2026-11-30 INTEREST 95232 false",
				"2026-11-28 LATE_CHARGE -4768 true", "2026-11-29 LATE_CHARGE -4768 true");
		assertThat(result.rows().stream().filter(r -> r.kind() == EntryKind.LATE_CHARGE).map(Accruals.Row::amount))
			.allMatch(a -> a.compareTo(new BigDecimal("-1.9072")) == 0);
		assertThat(result.accrued().postedLateCharges()).as("−3.8144 given back: a credit of 3 yen").isEqualTo(-3);
		assertThat(result.overdue()).isEqualTo(AmountsDue.Overdue.NONE);
	}

	@Test
	void aRepaymentThatLeavesTheAmountDueUnpaidLowersTheLateChargeByWhatItPaid() {
		// 6,000 due, 4,768 principal; 2,000 paid on the 26th, posted late: the account
		// stays overdue on 4,000 (the interest part is paid first)
		Accruals.Account account = due27NovAccruedThe29th(99_232);
		account.amountsDue
			.credit(new AmountsDue.Credit(AmountsDue.Source.REPAYMENT, d("2026-11-30"), d("2026-11-26"), 2_000, null));
		account.lateCreditFrom = d("2026-11-27");
		account.bookedLateCharge.put(d("2026-11-28"), 4_768L);
		account.bookedLateCharge.put(d("2026-11-29"), 4_768L);

		Accruals.Result result = Accruals.accrue(account, d("2026-11-30"));

		assertThat(rows(result).stream().filter(r -> r.contains("LATE_CHARGE"))).containsExactlyInAnyOrder(
				"2026-11-28 LATE_CHARGE -768 true", "2026-11-29 LATE_CHARGE -768 true",
				"2026-11-30 LATE_CHARGE 4000 false");
		assertThat(result.overdue()).isEqualTo(new AmountsDue.Overdue(4_000, d("2026-11-28")));
	}

	@Test
	void aBackValuedRepaymentReversesOnlyTheDaysThatHadPrincipal() {
		// ledger.md, "A reversal never goes below what existed": nothing owed; 50,000
		// paid on Saturday 21 Nov, posted on Tuesday 24 Nov; a 30,000 cash advance on
		// Sunday 22 Nov accrued only on the 23rd. The repayment paid the 30,000 of cash.
		Accruals.Account account = new Accruals.Account(REVOLVING_15_18, owing(0, 0, d("2026-10-31")), d("2026-11-23"));
		account.movements.add(new Accruals.Movement(d("2026-11-24"), d("2026-11-21"), 0, -30_000));
		account.movements.add(new Accruals.Movement(d("2026-11-22"), d("2026-11-22"), 0, 30_000));
		account.bookedInterest.put(d("2026-11-23"), Map.of(new BigDecimal("18.00"), 30_000L));

		Accruals.Result result = Accruals.accrue(account, d("2026-11-24"));

		// the 22nd had no cash to reverse; the 23rd is reversed in full: −14.7945...
		assertThat(rows(result)).containsExactly("2026-11-23 INTEREST -30000 true");
		assertThat(result.rows().get(0).amount()).isEqualByComparingTo("-14.794520547945");
		Accrued cycle = Accrued.NONE.plus(true, 365, 30_000, new BigDecimal("18.00")).plus(result.accrued());
		assertThat(cycle.postedInterest()).as("the cycle's interest from the advance").isZero();
	}

	@Test
	void aRecheckLiftsADayBookedBelowZeroBackToZero() {
		// a day a former version reversed below zero (−30,000 booked on the 22nd): the
		// correction books +30,000, and only that
		Accruals.Account account = new Accruals.Account(REVOLVING_15_18, owing(0, 0, d("2026-10-31")), d("2026-11-24"),
				d("2026-11-22"));
		account.bookedInterest.put(d("2026-11-22"), Map.of(new BigDecimal("18.00"), -30_000L));
		account.bookedInterest.put(d("2026-11-23"), Map.of(new BigDecimal("18.00"), 0L));

		Accruals.Result result = Accruals.accrue(account, d("2026-11-25"));

		assertThat(rows(result)).containsExactly("2026-11-22 INTEREST 30000 true");
	}

	@Test
	void lateChargesAccrueOnEachStatementOverdueFromItsOwnDueDate() {
		// ledger.md case: LUMP_SUM, 100,000 due 7 Dec and 50,120 more (120 of late
		// charges) due 5 Jan; nothing paid: 40 a day, then 60 a day from 6 Jan
		LedgerAccount.Terms lumpSum = new LedgerAccount.Terms("1000000004", false, new BigDecimal("15.00"),
				new BigDecimal("0.00"), 10, 5);
		Accruals.Account account = new Accruals.Account(lumpSum, owing(150_000, 0, d("2026-12-10")), d("2027-01-04"));
		account.amountsDue.open(d("2026-11-10"), d("2026-12-07"), 100_000, 100_000, 0);
		account.amountsDue.open(d("2026-12-10"), d("2027-01-05"), 150_120, 150_120, 120);

		Accruals.Result result = Accruals.accrue(account, d("2027-01-06"));

		assertThat(rows(result)).containsExactly("2027-01-05 LATE_CHARGE 100000 false",
				"2027-01-06 LATE_CHARGE 150000 false");
		assertThat(result.rows().get(1).amount()).isEqualByComparingTo("60");
		assertThat(result.overdue()).isEqualTo(new AmountsDue.Overdue(150_000, d("2026-12-08")));
	}

	/**
	 * 6,000 due on 27 Nov (1,232 interest, 4,768 principal) of the cycle closed 31 Oct,
	 * accrued through the 29th.
	 */
	private static Accruals.Account due27NovAccruedThe29th(long cashPrincipal) {
		Accruals.Account account = new Accruals.Account(REVOLVING_15, owing(0, cashPrincipal, d("2026-10-31")),
				d("2026-11-29"));
		account.amountsDue.open(d("2026-10-31"), d("2026-11-27"), 6_000, 101_232, 1_232);
		return account;
	}

}
