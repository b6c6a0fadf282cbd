package jp.settlementbatch.support.intake;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Pattern;

/** Field checks shared by the line rules; each failure names the field. */
public final class Fields {

	public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	private static final Pattern RATE = Pattern.compile("[0-9]{1,2}(\\.[0-9]{1,2})?");

	private Fields() {
	}

	/** 1 to 32 of {@code [A-Za-z0-9_-]}. */
	public static String id(String value, String field) throws LineRejected {
		int length = value.length();
		if (length == 0 || length > 32) {
			throw LineRejected.invalid(field);
		}
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
				throw LineRejected.invalid(field);
			}
		}
		return value;
	}

	/** Exactly ten digits. */
	public static String accountId(String value, String field) throws LineRejected {
		return digits(value, field, 10);
	}

	public static String oneOf(String value, String field, Set<String> allowed) throws LineRejected {
		if (!allowed.contains(value)) {
			throw LineRejected.invalid(field);
		}
		return value;
	}

	public static String digits(String value, String field, int length) throws LineRejected {
		if (value.length() != length || !allDigits(value)) {
			throw LineRejected.invalid(field);
		}
		return value;
	}

	private static boolean allDigits(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	public static String text(String value, String field, int maxLength, boolean required) throws LineRejected {
		if ((required && value.isBlank()) || value.codePointCount(0, value.length()) > maxLength) {
			throw LineRejected.invalid(field);
		}
		return value;
	}

	/**
	 * Integer yen within bounds: outside them the field is invalid; beyond what the
	 * column can hold (a 64-bit integer) the amount is out of range
	 * ({@code AMOUNT_OUT_OF_RANGE}, however many digits it has).
	 */
	public static long yen(String value, String field, long min, long max) throws LineRejected {
		if (value.isEmpty() || !allDigits(value)) {
			throw LineRejected.invalid(field);
		}
		if (new java.math.BigInteger(value).bitLength() > 63) {
			throw new LineRejected("AMOUNT_OUT_OF_RANGE");
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
		return parsed(value, field, LocalDate::parse);
	}

	public static LocalDate optionalDate(String value, String field) throws LineRejected {
		return value.isEmpty() ? null : date(value, field);
	}

	/** ISO-8601 with an offset. */
	public static OffsetDateTime timestamp(String value, String field) throws LineRejected {
		return parsed(value, field, OffsetDateTime::parse);
	}

	private static <T> T parsed(String value, String field, java.util.function.Function<String, T> parser)
			throws LineRejected {
		try {
			return parser.apply(value);
		}
		catch (DateTimeParseException ex) {
			throw LineRejected.invalid(field);
		}
	}

	/**
	 * An ISO-8601 timestamp with offset, read without the general parser for the common
	 * form {@code yyyy-MM-ddTHH:mm:ss±hh:mm} (other ISO forms take it).
	 */
	public static Instant instant(String value, String field) throws LineRejected {
		if (value.length() == 25 && value.charAt(4) == '-' && value.charAt(7) == '-' && value.charAt(10) == 'T'
				&& value.charAt(13) == ':' && value.charAt(16) == ':' && value.charAt(22) == ':'
				&& (value.charAt(19) == '+' || value.charAt(19) == '-')) {
			int year = number(value, 0, 4, field);
			int month = number(value, 5, 7, field);
			int day = number(value, 8, 10, field);
			int hour = number(value, 11, 13, field);
			int minute = number(value, 14, 16, field);
			int second = number(value, 17, 19, field);
			int offsetMinutes = (number(value, 20, 22, field) * 60 + number(value, 23, 25, field))
					* (value.charAt(19) == '-' ? -1 : 1);
			if (month < 1 || month > 12 || day < 1
					|| day > 28 && day > java.time.YearMonth.of(year, month).lengthOfMonth() || hour > 23 || minute > 59
					|| second > 59 || Math.abs(offsetMinutes) > 18 * 60) {
				throw LineRejected.invalid(field);
			}
			long epochSecond = LocalDate.of(year, month, day).toEpochDay() * 86_400 + hour * 3_600 + minute * 60
					+ second - offsetMinutes * 60L;
			return Instant.ofEpochSecond(epochSecond);
		}
		return timestamp(value, field).toInstant();
	}

	/** The date of an instant in Asia/Tokyo (a value date). */
	public static LocalDate tokyoDate(Instant at) {
		return LocalDate.ofInstant(at, TOKYO);
	}

	private static int number(String value, int from, int to, String field) throws LineRejected {
		int n = 0;
		for (int i = from; i < to; i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				throw LineRejected.invalid(field);
			}
			n = n * 10 + (c - '0');
		}
		return n;
	}

	/** The date of a timestamp in Asia/Tokyo. */
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
