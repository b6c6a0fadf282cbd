package jp.settlementbatch.creditreview;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CreditReviewTests {

	static final LocalDate D = LocalDate.of(2026, 11, 20);

	static Applicant applicant(String id, LocalDate birth, Long income, long requestedCash, Long declaredDebt,
			Long bureauDebt, String bureauStatus, Boolean delinquent) {
		return new Applicant(id, OffsetDateTime.parse("2026-11-18T10:00:00+09:00"), "ヤマダ タロウ", "山田 太郎", birth, income,
				"会社員", 300_000, requestedCash, declaredDebt, bureauStatus, bureauDebt, delinquent, null, false, false);
	}

	static Applicant plain(String id) {
		return applicant(id, LocalDate.of(1990, 5, 1), 6_000_000L, 0, 0L, 0L, "CHECKED", false);
	}

	@Test
	void anApplicantIsAMinorUntilTheDayTheyTurnEighteen() {
		// eighteen on the business date itself: not a minor
		CreditReview.Row eighteen = CreditReview
			.review(applicant("A1", LocalDate.of(2008, 11, 20), 3_000_000L, 0, null, null, "CHECKED", false), D);
		CreditReview.Row dayBefore = CreditReview
			.review(applicant("A2", LocalDate.of(2008, 11, 21), 3_000_000L, 0, null, null, "CHECKED", false), D);
		assertThat(eighteen.age()).isEqualTo(18);
		assertThat(eighteen.flags()).doesNotContain("MINOR");
		assertThat(eighteen.priority()).isEqualTo("NORMAL");
		assertThat(dayBefore.age()).isEqualTo(17);
		assertThat(dayBefore.flags()).containsExactly("MINOR");
		assertThat(dayBefore.priority()).isEqualTo("HIGH");
	}

	@Test
	void totalVolumeHeadroomIsAThirdOfIncomeLessOtherDebtLessTheRequestedCashLimit() {
		// 3,000,000 / 3 = 1,000,000; other debt = max(200,000 declared, 300,000 bureau) =
		// 300,000; cash 700,000 → 0
		CreditReview.Row exactlyZero = CreditReview.review(
				applicant("A1", LocalDate.of(1990, 1, 1), 3_000_000L, 700_000, 200_000L, 300_000L, "CHECKED", false),
				D);
		assertThat(exactlyZero.otherDebtTotal()).isEqualTo(300_000);
		assertThat(exactlyZero.totalVolumeHeadroom()).isZero();
		assertThat(exactlyZero.flags()).isEmpty();
		// one yen more of requested cash goes over
		CreditReview.Row over = CreditReview.review(
				applicant("A2", LocalDate.of(1990, 1, 1), 3_000_000L, 700_001, 200_000L, 300_000L, "CHECKED", false),
				D);
		assertThat(over.totalVolumeHeadroom()).isEqualTo(-1);
		assertThat(over.flags()).containsExactly("TOTAL_VOLUME_EXCEEDED");
		// floor of a third: 1,000,001 / 3 = 333,333
		assertThat(CreditReview
			.review(applicant("A3", LocalDate.of(1990, 1, 1), 1_000_001L, 0, null, null, "CHECKED", false), D)
			.totalVolumeHeadroom()).isEqualTo(333_333);
	}

	@Test
	void noCashRequestedNeverExceedsTheTotalVolumeEvenWithNegativeHeadroom() {
		CreditReview.Row row = CreditReview
			.review(applicant("A1", LocalDate.of(1990, 1, 1), 600_000L, 0, 500_000L, null, "CHECKED", false), D);
		assertThat(row.totalVolumeHeadroom()).isEqualTo(-300_000);
		assertThat(row.flags()).isEmpty();
	}

	@Test
	void flagsComeInTheirContractOrder() {
		Applicant a = new Applicant("A1", OffsetDateTime.parse("2026-11-18T10:00:00+09:00"), "カナ", "漢字",
				LocalDate.of(2010, 1, 1), null, "学生", 100_000, 100_000, null, "NOT_CHECKED", null, true, null, true,
				true);
		assertThat(CreditReview.review(a, D).flags()).containsExactly("WATCHLIST_MATCH", "MINOR", "BUREAU_DELINQUENT",
				"BUREAU_NOT_CHECKED", "TOTAL_VOLUME_EXCEEDED", "INCOME_NOT_DECLARED", "DUPLICATE_APPLICANT");
		assertThat(CreditReview.review(a, D).cells()[16]).isEqualTo(
				"WATCHLIST_MATCH;MINOR;BUREAU_DELINQUENT;BUREAU_NOT_CHECKED;TOTAL_VOLUME_EXCEEDED;INCOME_NOT_DECLARED;DUPLICATE_APPLICANT");
	}

	@Test
	void aDuplicateApplicantAloneIsNormalPriorityAndDelinquencyIsHigh() {
		Applicant duplicate = new Applicant("A1", OffsetDateTime.parse("2026-11-18T10:00:00+09:00"), "カナ", "漢字",
				LocalDate.of(1990, 1, 1), 5_000_000L, "会社員", 100_000, 0, null, "CHECKED", null, false, null, false,
				true);
		assertThat(CreditReview.review(duplicate, D).priority()).isEqualTo("NORMAL");
		assertThat(CreditReview
			.review(applicant("A2", LocalDate.of(1990, 1, 1), 5_000_000L, 0, null, null, "CHECKED", true), D)
			.priority()).isEqualTo("HIGH");
	}

	@Test
	void waitingDaysAndFirstListingCountFromTheTokyoDates() {
		// applied at 23:30 UTC on 17 Nov = 08:30 on 18 Nov in Tokyo: two days before the
		// 20th
		Applicant a = new Applicant("A1", OffsetDateTime.parse("2026-11-17T23:30:00Z"), "カナ", "漢字",
				LocalDate.of(1990, 1, 1), 5_000_000L, "会社員", 100_000, 0, null, "CHECKED", null, false,
				LocalDate.of(2026, 11, 19), false, false);
		CreditReview.Row row = CreditReview.review(a, D);
		assertThat(row.daysWaiting()).isEqualTo(2);
		assertThat(row.firstListedOn()).isEqualTo(LocalDate.of(2026, 11, 19));
		assertThat(row.cells()[1]).isEqualTo("2026-11-18T08:30:00+09:00");
		assertThat(CreditReview.review(plain("A2"), D).firstListedOn()).isEqualTo(D);
	}

	@Test
	void textCellsThatWouldBeFormulasAreNeutralized() {
		for (String dangerous : List.of("=HYPERLINK(\"x\")", "+81", "-1", "@SUM(A1)", "\tx", "\rx")) {
			assertThat(CreditReview.text(dangerous)).isEqualTo("'" + dangerous);
		}
		assertThat(CreditReview.text("山田")).isEqualTo("山田");
		// numbers are numbers: a negative headroom is not a formula
		Applicant a = applicant("=A1", LocalDate.of(1990, 1, 1), 0L, 100_000, null, null, "CHECKED", false);
		String[] cells = CreditReview.review(a, D).cells();
		assertThat(cells[0]).isEqualTo("'=A1");
		assertThat(cells[13]).isEqualTo("-100000");
	}

	@Test
	void highPriorityComesFirstThenApplicationTimeThenId() {
		List<CreditReview.Row> rows = new ArrayList<>();
		rows.add(CreditReview.review(plain("B"), D));
		rows.add(CreditReview.review(plain("A"), D));
		rows.add(CreditReview.review(applicant("Z", LocalDate.of(1990, 1, 1), 1L, 0, null, null, "CHECKED", true), D));
		rows.sort(CreditReview.ORDER);
		assertThat(rows).extracting(r -> r.applicant().applicationId()).containsExactly("Z", "A", "B");
	}

}
