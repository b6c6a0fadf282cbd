package jp.settlementbatch.interest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jp.settlementbatch.ledger.LedgerAccount;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Daily accrual over several days and its catch-up, on plain values (ledger.md). */
class AccrualsTests {

	static final LedgerAccount.Terms REVOLVING_15 = new LedgerAccount.Terms("1000000001", true, new BigDecimal("15.00"),
			new BigDecimal("15.00"), 31, 27);

	static LocalDate d(String date) {
		return LocalDate.parse(date);
	}

	@Test
	void aCashAdvanceAccruesFromTheNextDayAndAMonthOfRunsPostsTheWorkedExample() {
		// 1 Oct: a 100,000 cash advance valued that day, on a new ledger
		Accruals.Account first = new Accruals.Account(REVOLVING_15, null);
		first.position.cashPrincipal = 100_000;
		first.movements.add(new Accruals.Movement(d("2026-10-01"), 0, 100_000));
		assertThat(Accruals.accrue(first, d("2026-10-01"))).as("the day of borrowing does not accrue").isEmpty();

		// 2–31 Oct, one run a day except three days caught up by one run on the 31st
		BigDecimal interest = BigDecimal.ZERO;
		LocalDate accruedThrough = d("2026-10-01");
		for (LocalDate run : List.of(d("2026-10-02"), d("2026-10-03"), d("2026-10-28"), d("2026-10-31"))) {
			Accruals.Account account = new Accruals.Account(REVOLVING_15, accruedThrough);
			account.position.cashPrincipal = 100_000;
			List<Accruals.Row> rows = Accruals.accrue(account, run);
			assertThat(rows).allMatch(r -> r.principal() == 100_000 && r.kind().equals("INTEREST") && !r.catchUp());
			assertThat(rows).hasSize((int) (run.toEpochDay() - accruedThrough.toEpochDay()));
			interest = interest.add(account.position.interest365);
			accruedThrough = run;
		}

		// 100,000 × 0.15 × 30 / 365 = 1,232.876... → 1,232 when the cycle closes
		assertThat(interest).isEqualByComparingTo(new BigDecimal("1232.876712328770"));
		assertThat(DailyAccrual.posted(100_000, new BigDecimal("15.00"), d("2026-10-02"), d("2026-10-31")))
			.isEqualTo(1_232);
	}

	@Test
	void aLateRepaymentReversesInterestAndTheLateChargesOfTheDaysItHadPaid() {
		// given 6,000 due on 27 Nov (1,232 interest, 4,768 principal), accrued through
		// the
		// 29th as overdue on the 28th and 29th, and the repayment of the 26th posted on
		// the 30th: 1,232 to interest, 4,768 to cash principal
		Accruals.Account account = due27NovAccruedThe29th(95_232, 6_000, 4_768);
		account.movements.add(new Accruals.Movement(d("2026-11-26"), 0, -4_768));
		account.repaidSinceClose.add(new Accruals.Repaid(d("2026-11-26"), 6_000, 4_768));
		account.lateChargePrincipal.put(d("2026-11-28"), 4_768L);
		account.lateChargePrincipal.put(d("2026-11-29"), 4_768L);

		// when the 30th accrues
		List<Accruals.Row> rows = Accruals.accrue(account, d("2026-11-30"));

		// then the 27th to 29th accrue −4,768 each (caught up), the 30th accrues 95,232,
		// and each overdue day is reversed: 4,768 × 14.60% / 365 = 1.9072
		assertThat(rows.stream().map(r -> r.day() + " " + r.kind() + " " + r.principal() + " " + r.catchUp()))
			.containsExactlyInAnyOrder("2026-11-27 INTEREST -4768 true", "2026-11-28 INTEREST -4768 true",
					"2026-11-29 INTEREST -4768 true", "2026-11-30 INTEREST 95232 false",
					"2026-11-28 LATE_CHARGE -4768 true", "2026-11-29 LATE_CHARGE -4768 true");
		assertThat(rows.stream().filter(r -> r.kind().equals("LATE_CHARGE")).map(Accruals.Row::amount))
			.allMatch(a -> a.compareTo(new BigDecimal("-1.9072")) == 0);
		assertThat(account.position.lateCharge365).isEqualByComparingTo(new BigDecimal("-3.8144"));
	}

	@Test
	void aRepaymentThatLeavesTheAmountDueUnpaidLowersTheLateChargeByItsPrincipal() {
		// 6,000 due, 4,768 principal; 2,000 paid on the 26th, posted late: all of it to
		// the 1,232 interest and 768 principal; the account stays overdue on 4,000
		Accruals.Account account = due27NovAccruedThe29th(99_232, 2_000, 768);
		account.repaidSinceClose.add(new Accruals.Repaid(d("2026-11-26"), 2_000, 768));
		account.lateChargePrincipal.put(d("2026-11-28"), 4_768L);

		List<Accruals.Row> rows = Accruals.accrue(account, d("2026-11-30"));

		assertThat(rows.stream()
			.filter(r -> r.kind().equals("LATE_CHARGE"))
			.map(r -> r.day() + " " + r.principal() + " " + r.catchUp()))
			.containsExactlyInAnyOrder("2026-11-28 -768 true", "2026-11-30 4000 false");
	}

	/**
	 * 6,000 due on 27 Nov (1,232 interest, 4,768 principal) of the cycle closed 31 Oct,
	 * accrued through the 29th, with what was repaid since the close.
	 */
	private static Accruals.Account due27NovAccruedThe29th(long cashPrincipal, long repaid, long principalRepaid) {
		Accruals.Account account = new Accruals.Account(REVOLVING_15, d("2026-11-29"));
		account.position.cashPrincipal = cashPrincipal;
		account.position.lastClosedOn = d("2026-10-31");
		account.position.dueDate = d("2026-11-27");
		account.position.amountDue = 6_000;
		account.position.duePrincipal = 4_768;
		account.position.repaidSinceClose = repaid;
		account.position.principalRepaidSinceClose = principalRepaid;
		return account;
	}

}
