package jp.settlementbatch.ledger;

import java.time.LocalDate;
import java.util.List;

import jp.settlementbatch.ledger.AmountsDue.Credit;
import jp.settlementbatch.ledger.AmountsDue.Overdue;
import jp.settlementbatch.ledger.AmountsDue.Source;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Amounts due and the overdue state of ledger.md ("Overdue and late charges"), from
 * worked examples: each statement keeps its own due date, credits count by value date,
 * overdue principal never above the principal owed.
 */
class AmountsDueTests {

	static LocalDate d(String date) {
		return LocalDate.parse(date);
	}

	static Credit repayment(String postedOn, String paidOn, long amount) {
		return new Credit(Source.REPAYMENT, d(postedOn), d(paidOn), amount, null);
	}

	@Test
	void overdueAfterTheDueDateOnThePrincipalNotYetPaid() {
		// 40,500 due on 4 Nov, of which 500 are fees; 20,000 paid on the due date
		AmountsDue dues = new AmountsDue();
		assertThat(dues.open(d("2026-10-20"), d("2026-11-04"), 40_500, 40_500, 500)).isEqualTo(40_500);
		dues.credit(repayment("2026-11-04", "2026-11-04", 20_000));

		assertThat(dues.overdueOn(d("2026-11-04"), 40_000)).as("the due date itself").isEqualTo(Overdue.NONE);
		// the fee is paid first: 20,500 of principal is overdue from the 5th
		assertThat(dues.overdueOn(d("2026-11-05"), 20_500)).isEqualTo(new Overdue(20_500, d("2026-11-05")));
		dues.credit(repayment("2026-11-12", "2026-11-12", 20_500));
		assertThat(dues.overdueOn(d("2026-11-12"), 20_500)).as("the day it is paid still counts")
			.isEqualTo(new Overdue(20_500, d("2026-11-05")));
		assertThat(dues.overdueOn(d("2026-11-13"), 0)).isEqualTo(Overdue.NONE);
	}

	@Test
	void aDueDateAfterTheNextCloseIsStillOverdue() {
		// ledger.md case: closes on the 5th, pays on the 5th; 100,000 due Monday 7 Dec
		// (5 Dec is a Saturday); the next cycle closes on Saturday 5 Dec, before it
		AmountsDue dues = new AmountsDue();
		dues.open(d("2026-11-05"), d("2026-12-07"), 100_000, 100_000, 0);
		// LUMP_SUM: the new statement's minimum is its whole closing balance, which
		// holds the unpaid 100,000: it asks for nothing new
		assertThat(dues.open(d("2026-12-05"), d("2027-01-05"), 100_000, 100_000, 0)).isEqualTo(100_000);
		assertThat(dues.dues()).hasSize(1);

		assertThat(dues.overdueOn(d("2026-12-07"), 100_000)).isEqualTo(Overdue.NONE);
		assertThat(dues.overdueOn(d("2026-12-09"), 100_000)).isEqualTo(new Overdue(100_000, d("2026-12-08")));
	}

	@Test
	void twoUnpaidStatementsAreEachOverdueFromTheirOwnDueDate() {
		// ledger.md case: 100,000 due 7 Dec; the next statement 150,120 (120 of late
		// charges) due 5 Jan, LUMP_SUM
		AmountsDue dues = new AmountsDue();
		dues.open(d("2026-11-10"), d("2026-12-07"), 100_000, 100_000, 0);
		assertThat(dues.open(d("2026-12-10"), d("2027-01-05"), 150_120, 150_120, 120)).isEqualTo(150_120);

		assertThat(dues.overdueOn(d("2027-01-05"), 150_000)).isEqualTo(new Overdue(100_000, d("2026-12-08")));
		assertThat(dues.overdueOn(d("2027-01-06"), 150_000)).isEqualTo(new Overdue(150_000, d("2026-12-08")));
	}

	@Test
	void aRevolvingMinimumUnpaidIsAskedForAgainBesideTheNewOne() {
		// 3,000 due 27 Nov (84 interest) unpaid; the next statement's slide is 3,000
		AmountsDue dues = new AmountsDue();
		dues.open(d("2026-10-31"), d("2026-11-27"), 3_000, 43_084, 84);
		assertThat(dues.open(d("2026-11-30"), d("2026-12-28"), 3_000, 43_723, 639)).isEqualTo(6_000);

		assertThat(dues.overdueOn(d("2026-11-30"), 43_000)).isEqualTo(new Overdue(2_916, d("2026-11-28")));
		// 3,000 paid: the oldest amount first
		dues.credit(repayment("2026-12-01", "2026-12-01", 3_000));
		assertThat(dues.overdueOn(d("2026-12-02"), 40_000)).isEqualTo(Overdue.NONE);
		assertThat(dues.overdueOn(d("2026-12-29"), 40_000)).isEqualTo(new Overdue(2_361, d("2026-12-29")));
	}

	@Test
	void overduePrincipalIsNeverMoreThanThePrincipalOwed() {
		// ledger.md case: 100,000 billed and due 7 Dec, then a refund of all of it on 20
		// Nov; as the cap alone: a refund counts only toward a statement that billed it
		AmountsDue dues = new AmountsDue();
		dues.open(d("2026-11-10"), d("2026-12-07"), 100_000, 100_000, 0);

		assertThat(dues.overdueOn(d("2026-12-08"), 0).principal()).isZero();

		dues.credit(new Credit(Source.REFUND, d("2026-11-20"), d("2026-11-20"), 100_000, d("2026-11-04")));
		assertThat(dues.overdueOn(d("2026-12-08"), 0)).isEqualTo(Overdue.NONE);
	}

	@Test
	void aRefundOfAPurchaseNotYetBilledDoesNotPayAnEarlierStatement() {
		AmountsDue dues = new AmountsDue();
		dues.open(d("2026-11-10"), d("2026-12-07"), 100_000, 100_000, 0);

		dues.credit(new Credit(Source.REFUND, d("2026-11-20"), d("2026-11-20"), 5_000, d("2026-11-15")));
		assertThat(dues.paidChanged()).isEmpty();
		assertThat(dues.overdueOn(d("2026-12-08"), 105_000)).isEqualTo(new Overdue(100_000, d("2026-12-08")));
	}

	@Test
	void aCreditCountsFromItsValueDateWhateverDayItIsPosted() {
		// 10,000 due 10 Dec; paid at an ATM on Saturday 19 Dec, in Monday 21 Dec's file,
		// after the 20 Dec close, which asked for the unpaid 10,000 and 40 of late
		// charges
		AmountsDue dues = new AmountsDue();
		dues.open(d("2026-11-20"), d("2026-12-10"), 10_000, 10_000, 0);
		assertThat(dues.open(d("2026-12-20"), d("2027-01-12"), 10_040, 10_040, 40)).isEqualTo(10_040);

		dues.credit(repayment("2026-12-21", "2026-12-19", 10_000));

		List<AmountsDue.Part> parts = List
			.of(new AmountsDue.Part(d("2026-11-20"), Source.REPAYMENT, d("2026-12-21"), d("2026-12-19"), 10_000, null));
		assertThat(dues.parts(d("2026-11-20"))).isEqualTo(parts);
		assertThat(dues.parts(d("2026-12-20"))).isEmpty();
		assertThat(dues.overdueOn(d("2026-12-19"), 10_000).principal()).isEqualTo(10_000);
		assertThat(dues.overdueOn(d("2026-12-20"), 10_000)).as("paid on the 19th, counted from the 20th")
			.isEqualTo(Overdue.NONE);
		// the 40 of late charges is still asked for, by its own due date
		assertThat(dues.overdueOn(d("2027-01-13"), 40)).isEqualTo(new Overdue(0, d("2027-01-13")));
		assertThat(dues.paidChanged())
			.containsExactly(new AmountsDue.Paid(d("2026-11-20"), 10_000, d("2026-12-19"), parts));
	}

	@Test
	void aRepaymentAlreadyInAStatementDoesNotCountTowardIt() {
		// paid on 27 Nov and posted that day: it is in the 30 Nov statement, so it pays
		// only the amount due before it
		AmountsDue dues = new AmountsDue();
		dues.open(d("2026-10-31"), d("2026-11-27"), 6_000, 101_232, 1_232);
		dues.credit(repayment("2026-11-27", "2026-11-27", 10_000));
		dues.open(d("2026-11-30"), d("2026-12-28"), 3_000, 92_458, 1_226);

		assertThat(dues.overdueOn(d("2026-12-29"), 91_232)).isEqualTo(new Overdue(1_774, d("2026-12-29")));
	}

	@Test
	void lateFilesCountInOrderOfValueDateWhateverOrderTheyArrive() {
		// closes on the 5th, pays on the 27th: 3,000 due 27 Nov and 3,000 more due 28
		// Dec; both paid on time, 26 Nov and 20 Dec, but the first file arrives after
		// the second
		AmountsDue dues = new AmountsDue();
		dues.open(d("2026-11-05"), d("2026-11-27"), 3_000, 100_000, 0);
		dues.open(d("2026-12-05"), d("2026-12-28"), 3_000, 100_000, 0);
		dues.credit(repayment("2026-12-20", "2026-12-20", 3_000));
		assertThat(dues.overdueOn(d("2026-12-20"), 100_000).since()).as("as it looked before the late file")
			.isEqualTo(d("2026-11-28"));

		dues.credit(repayment("2026-12-22", "2026-11-26", 3_000));

		// each day from 27 Nov on: the first amount paid on the 26th, nothing overdue
		for (LocalDate day = d("2026-11-27"); !day.isAfter(d("2027-01-10")); day = day.plusDays(1)) {
			assertThat(dues.overdueOn(day, 100_000)).as(day.toString()).isEqualTo(Overdue.NONE);
		}
		assertThat(dues.paidChanged()).extracting(AmountsDue.Paid::settledOn)
			.containsExactly(d("2026-11-26"), d("2026-12-20"));
	}

}
