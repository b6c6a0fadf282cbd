package jp.settlementbatch.creditreview;

import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Pattern;

import jp.settlementbatch.support.intake.DetailRule;
import jp.settlementbatch.support.intake.Fields;
import jp.settlementbatch.support.intake.LineRejected;

/**
 * Line rules of the applications file:
 * {@code D,application_id,applied_at,status,name_kanji,name_kana,birth_date,postal_code,address,phone,annual_income,employment_type,requested_shopping_limit,requested_cash_limit,declared_other_debt,ekyc_status,bureau_status,bureau_debt_total,bureau_delinquent}.
 */
final class ApplicationLine implements DetailRule {

	static final String COLUMNS = "application_id, applied_at, status, name_kanji, name_kana, birth_date, postal_code, "
			+ "address, phone, annual_income, employment_type, requested_shopping_limit, requested_cash_limit, "
			+ "declared_other_debt, ekyc_status, bureau_status, bureau_debt_total, bureau_delinquent, "
			+ "name_kana_key, name_kanji_key, phone_digits";

	private static final Set<String> STATUSES = Set.of("PENDING_REVIEW", "APPROVED", "DECLINED", "WITHDRAWN");

	private static final Set<String> EKYC = Set.of("PASSED", "FAILED", "PENDING");

	private static final Set<String> BUREAU = Set.of("CHECKED", "NOT_CHECKED");

	private static final Pattern POSTAL_CODE = Pattern.compile("[0-9]{3}-?[0-9]{4}");

	private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9-]{8,15}");

	@Override
	public Object[] check(String[] f, LocalDate businessDate) throws LineRejected {
		Object[] values = new Object[] { Fields.id(f[1], "application_id"), Fields.timestamp(f[2], "applied_at"),
				Fields.oneOf(f[3], "status", STATUSES), Fields.text(f[4], "name_kanji", 100, true),
				Fields.text(f[5], "name_kana", 100, true), Fields.date(f[6], "birth_date"),
				matching(f[7], "postal_code", POSTAL_CODE), Fields.text(f[8], "address", 300, true),
				matching(f[9], "phone", PHONE), Fields.optionalYen(f[10], "annual_income"),
				Fields.text(f[11], "employment_type", 50, true),
				Fields.yen(f[12], "requested_shopping_limit", 0, 999_999_999L),
				Fields.yen(f[13], "requested_cash_limit", 0, 999_999_999L),
				Fields.optionalYen(f[14], "declared_other_debt"), Fields.oneOf(f[15], "ekyc_status", EKYC),
				Fields.oneOf(f[16], "bureau_status", BUREAU), Fields.optionalYen(f[17], "bureau_debt_total"),
				Fields.optionalBoolean(f[18], "bureau_delinquent"), null, null, null };
		values[18] = NameNormalizer.name((String) values[4]);
		values[19] = NameNormalizer.name((String) values[3]);
		values[20] = NameNormalizer.phone((String) values[8]);
		return values;
	}

	private static String matching(String value, String field, Pattern pattern) throws LineRejected {
		if (!pattern.matcher(value).matches()) {
			throw LineRejected.invalid(field);
		}
		return value;
	}

}
