package jp.settlementbatch.support.intake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Pattern;

/** Field checks shared by the line rules; each failure names the field. */
public final class Fields {

	public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

	private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{10}");

	private static final Pattern RATE = Pattern.compile("[0-9]{1,2}(\\.[0-9]{1,2})?");

	private Fields() {
	}

	public static String id(String value, String field) throws LineRejected {
		if (!ID.matcher(value).matches()) {
			throw LineRejected.invalid(field);
		}
		return value;
	}

	public static String accountId(String value, String field) throws LineRejected {
		if (!ACCOUNT_ID.matcher(value).matches()) {
			throw LineRejected.invalid(field);
		}
		return value;
	}

	public static String oneOf(String value, String field, Set<String> allowed) throws LineRejected {
		if (!allowed.contains(value)) {
			throw LineRejected.invalid(field);
		}
		return value;
	}

	public static String digits(String value, String field, int length) throws LineRejected {
		if (value.length() != length || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
			throw LineRejected.invalid(field);
		}
		return value;
	}

	public static String text(String value, String field, int maxLength, boolean required) throws LineRejected {
		if ((required && value.isBlank()) || value.codePointCount(0, value.length()) > maxLength) {
			throw LineRejected.invalid(field);
		}
		return value;
	}

	/** Integer yen within bounds. */
	public static long yen(String value, String field, long min, long max) throws LineRejected {
		if (value.isEmpty() || value.length() > 15 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
			throw LineRejected.invalid(field);
		}
		long yen = Long.parseLong(value);
		if (yen < min || yen > max) {
			throw LineRejected.invalid(field);
		}
		return yen;
	}

	/** Integer yen or empty (null). */
	public static Long optionalYen(String value, String field) throws LineRejected {
		return value.isEmpty() ? null : yen(value, field, 0, 999_999_999_999L);
	}

	/** Percent per year with up to two decimals. */
	public static BigDecimal rate(String value, String field) throws LineRejected {
		if (!RATE.matcher(value).matches()) {
			throw LineRejected.invalid(field);
		}
		return new BigDecimal(value).setScale(2);
	}

	public static LocalDate date(String value, String field) throws LineRejected {
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw LineRejected.invalid(field);
		}
	}

	public static LocalDate optionalDate(String value, String field) throws LineRejected {
		return value.isEmpty() ? null : date(value, field);
	}

	/** ISO-8601 with an offset. */
	public static OffsetDateTime timestamp(String value, String field) throws LineRejected {
		try {
			return OffsetDateTime.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw LineRejected.invalid(field);
		}
	}

	/** The date of an instant in Asia/Tokyo: the value date of a movement. */
	public static LocalDate tokyoDate(OffsetDateTime at) {
		return at.atZoneSameInstant(TOKYO).toLocalDate();
	}

	public static int day(String value, String field) throws LineRejected {
		try {
			int day = Integer.parseInt(value);
			if ((day >= 1 && day <= 28) || day == 31) {
				return day;
			}
		}
		catch (NumberFormatException ex) {
			// fall through
		}
		throw LineRejected.invalid(field);
	}

	public static Boolean optionalBoolean(String value, String field) throws LineRejected {
		return switch (value) {
			case "" -> null;
			case "true" -> Boolean.TRUE;
			case "false" -> Boolean.FALSE;
			default -> throw LineRejected.invalid(field);
		};
	}

}
