package jp.settlementbatch.creditreview;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.regex.Pattern;

import jp.settlementbatch.support.intake.Fields;
import jp.settlementbatch.support.intake.LineRejected;

/**
 * A line of the applications file, as a row of {@code application.application_change},
 * and its rules ({@link #check}). The file's D record is
 * {@code D,application_id,applied_at,status,name_kanji,name_kana,birth_date,postal_code,address,phone,annual_income,employment_type,requested_shopping_limit,requested_cash_limit,declared_other_debt,ekyc_status,bureau_status,bureau_debt_total,bureau_delinquent}.
 * The name and phone keys are the normalised forms the watch-list match compares.
 */
record ApplicationLine(String applicationId, OffsetDateTime appliedAt, String status, String nameKanji, String nameKana,
		LocalDate birthDate, String postalCode, String address, String phone, Long annualIncome, String employmentType,
		long requestedShoppingLimit, long requestedCashLimit, Long declaredOtherDebt, String ekycStatus,
		String bureauStatus, Long bureauDebtTotal, Boolean bureauDelinquent, String nameKanaKey, String nameKanjiKey,
		String phoneDigits) {

	private static final Set<String> STATUSES = Set.of("PENDING_REVIEW", "APPROVED", "DECLINED", "WITHDRAWN");

	private static final Set<String> EKYC = Set.of("PASSED", "FAILED", "PENDING");

	private static final Set<String> BUREAU = Set.of("CHECKED", "NOT_CHECKED");

	private static final Pattern POSTAL_CODE = Pattern.compile("[0-9]{3}-?[0-9]{4}");

	private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9-]{8,15}");

	/** The line of a D record's fields, or why it is rejected. */
	static ApplicationLine check(String[] f, LocalDate businessDate) throws LineRejected {
		String applicationId = Fields.id(f[1], "application_id");
		OffsetDateTime appliedAt = Fields.timestamp(f[2], "applied_at");
		String status = Fields.oneOf(f[3], "status", STATUSES);
		String nameKanji = Fields.text(f[4], "name_kanji", 100, true);
		String nameKana = Fields.text(f[5], "name_kana", 100, true);
		LocalDate birthDate = Fields.date(f[6], "birth_date");
		String postalCode = matching(f[7], "postal_code", POSTAL_CODE);
		String address = Fields.text(f[8], "address", 300, true);
		String phone = matching(f[9], "phone", PHONE);
		Long annualIncome = Fields.optionalYen(f[10], "annual_income");
		String employmentType = Fields.text(f[11], "employment_type", 50, true);
		long shoppingLimit = Fields.yen(f[12], "requested_shopping_limit", 0, 999_999_999L);
		long cashLimit = Fields.yen(f[13], "requested_cash_limit", 0, 999_999_999L);
		Long otherDebt = Fields.optionalYen(f[14], "declared_other_debt");
		String ekycStatus = Fields.oneOf(f[15], "ekyc_status", EKYC);
		String bureauStatus = Fields.oneOf(f[16], "bureau_status", BUREAU);
		Long bureauDebt = Fields.optionalYen(f[17], "bureau_debt_total");
		Boolean bureauDelinquent = Fields.optionalBoolean(f[18], "bureau_delinquent");
		return new ApplicationLine(applicationId, appliedAt, status, nameKanji, nameKana, birthDate, postalCode,
				address, phone, annualIncome, employmentType, shoppingLimit, cashLimit, otherDebt, ekycStatus,
				bureauStatus, bureauDebt, bureauDelinquent, NameNormalizer.name(nameKana),
				NameNormalizer.name(nameKanji), NameNormalizer.phone(phone));
	}

	private static String matching(String value, String field, Pattern pattern) throws LineRejected {
		if (!pattern.matcher(value).matches()) {
			throw LineRejected.invalid(field);
		}
		return value;
	}

}
