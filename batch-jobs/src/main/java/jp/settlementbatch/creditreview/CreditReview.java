package jp.settlementbatch.creditreview;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jp.settlementbatch.support.intake.Fields;

/**
 * The rules of the officers' list (credit-review.md): derived columns, flags in their
 * contract order, priority, and the row order. Plain Java; the job feeds it what the
 * database knows.
 */
final class CreditReview {

	static final String[] HEADER = { "application_id", "applied_at", "first_listed_on", "days_waiting", "name_kana",
			"name_kanji", "birth_date", "age", "annual_income", "employment_type", "requested_shopping_limit",
			"requested_cash_limit", "other_debt_total", "total_volume_headroom", "bureau_status", "bureau_delinquent",
			"flags", "priority" };

	private static final DateTimeFormatter APPLIED_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

	/** One row of the list. */
	record Row(Applicant applicant, LocalDate firstListedOn, long daysWaiting, int age, long otherDebtTotal,
			long totalVolumeHeadroom, List<String> flags, String priority) {

		boolean high() {
			return "HIGH".equals(this.priority);
		}

		/** The cells of the CSV row, text cells protected against formula injection. */
		String[] cells() {
			Applicant a = this.applicant;
			return new String[] { text(a.applicationId()),
					a.appliedAt().atZoneSameInstant(Fields.TOKYO).format(APPLIED_AT), this.firstListedOn.toString(),
					Long.toString(this.daysWaiting), text(a.nameKana()), text(a.nameKanji()), a.birthDate().toString(),
					Integer.toString(this.age), a.annualIncome() == null ? "" : a.annualIncome().toString(),
					text(a.employmentType()), Long.toString(a.requestedShoppingLimit()),
					Long.toString(a.requestedCashLimit()), Long.toString(this.otherDebtTotal),
					Long.toString(this.totalVolumeHeadroom), text(a.bureauStatus()),
					a.bureauDelinquent() == null ? "" : a.bureauDelinquent().toString(),
					text(String.join(";", this.flags)), text(this.priority) };
		}

	}

	/** Rows in list order: HIGH first, then by applied_at, then by application_id. */
	static final Comparator<Row> ORDER = Comparator.comparing((Row r) -> !r.high())
		.thenComparing(r -> r.applicant().appliedAt().toInstant())
		.thenComparing(r -> r.applicant().applicationId());

	private CreditReview() {
	}

	static Row review(Applicant a, LocalDate businessDate) {
		LocalDate appliedOn = Fields.tokyoDate(a.appliedAt());
		int age = (int) ChronoUnit.YEARS.between(a.birthDate(), businessDate);
		long otherDebt = Math.max(zeroIfNull(a.declaredOtherDebt()), zeroIfNull(a.bureauDebtTotal()));
		long income = zeroIfNull(a.annualIncome());
		long headroom = Math.floorDiv(income, 3) - otherDebt - a.requestedCashLimit();
		List<String> flags = new ArrayList<>();
		if (a.watchlistMatch()) {
			flags.add("WATCHLIST_MATCH");
		}
		if (age < 18) {
			flags.add("MINOR");
		}
		if (Boolean.TRUE.equals(a.bureauDelinquent())) {
			flags.add("BUREAU_DELINQUENT");
		}
		if ("NOT_CHECKED".equals(a.bureauStatus())) {
			flags.add("BUREAU_NOT_CHECKED");
		}
		if (a.requestedCashLimit() > 0 && headroom < 0) {
			flags.add("TOTAL_VOLUME_EXCEEDED");
		}
		if (income == 0) {
			flags.add("INCOME_NOT_DECLARED");
		}
		if (a.duplicateApplicant()) {
			flags.add("DUPLICATE_APPLICANT");
		}
		boolean high = a.watchlistMatch() || age < 18 || Boolean.TRUE.equals(a.bureauDelinquent());
		LocalDate firstListed = a.firstListedOn() == null || a.firstListedOn().isAfter(businessDate) ? businessDate
				: a.firstListedOn();
		return new Row(a, firstListed, ChronoUnit.DAYS.between(appliedOn, businessDate), age, otherDebt, headroom,
				List.copyOf(flags), high ? "HIGH" : "NORMAL");
	}

	/** A text cell Excel would read as a formula gets a leading apostrophe. */
	static String text(String value) {
		if (value == null || value.isEmpty()) {
			return value == null ? "" : value;
		}
		char first = value.charAt(0);
		return (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
				? "'" + value : value;
	}

	private static long zeroIfNull(Long value) {
		return value == null ? 0 : value;
	}

}
