package jp.settlementbatch.support.csv;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * PCI DSS guard (files.md): finds card numbers written in any form and masks them to
 * first six / last four ({@code 411111******1111}). Nothing else in the text is changed.
 *
 * <ul>
 * <li>A digit is any Unicode decimal digit (fullwidth {@code ４} counts), or a character
 * that NFKC makes one (superscripts, circled digits).</li>
 * <li>Format characters (zero-width spaces and joiners, the soft hyphen, a BOM) and
 * combining marks are read as if they were not there.</li>
 * <li>Between digit groups, a single separator: a space of any kind (a line break inside
 * a quoted field too), a dash of any kind, a dot, a middle dot, a slash, a comma, an
 * underscore, and their fullwidth forms. Two in a row end the number. Colons and plus
 * signs are not separators: a timestamp with a fraction of a second
 * ({@code 10:00:00.123456+09:00}) is not a card number.</li>
 * <li>A number of 13 to 19 digits that passes the Luhn check is a PAN; so is any part of
 * a longer run that starts and ends at group boundaries (a number with a group put in
 * front of it).</li>
 * </ul>
 * A record is scanned field by field ({@link #containsPan(String[])}); a whole CSV line
 * ({@link #containsPanInLine}, {@link #maskLine}) is scanned with its quotes and the
 * commas between its fields ending a number, as field boundaries do (a comma inside a
 * quoted field is a separator). Any other text ({@link #mask}) is scanned as one field.
 */
public final class PanGuard {

	private static final int MIN_DIGITS = 13;

	private static final int MAX_DIGITS = 19;

	private PanGuard() {
	}

	/** Whether any of a record's fields holds a PAN. */
	public static boolean containsPan(String[] fields) {
		for (String field : fields) {
			if (field != null && find(field, 0, null) != null) {
				return true;
			}
		}
		return false;
	}

	/** Whether a text, read as one field, holds a PAN. */
	public static boolean containsPan(CharSequence text) {
		return text != null && find(text, 0, null) != null;
	}

	/** Whether a CSV line holds a PAN in one of its fields. */
	public static boolean containsPanInLine(CharSequence line) {
		return line != null && find(line, 0, fieldBoundaries(line)) != null;
	}

	/**
	 * {@code text}, read as one field (a message, a value), with every PAN masked; the
	 * same instance when there is none.
	 */
	public static String mask(String text) {
		return text == null ? null : mask(text, null);
	}

	/**
	 * A CSV line with every PAN in its fields masked; the same instance when there is
	 * none.
	 */
	public static String maskLine(String line) {
		return line == null ? null : mask(line, fieldBoundaries(line));
	}

	/** The quotes of a CSV line, and its commas outside quotes. */
	private static BitSet fieldBoundaries(CharSequence line) {
		BitSet boundaries = new BitSet(line.length());
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '"') {
				quoted = !quoted;
				boundaries.set(i);
			}
			else if (c == ',' && !quoted) {
				boundaries.set(i);
			}
		}
		return boundaries;
	}

	private static String mask(String text, BitSet boundaries) {
		StringBuilder out = null;
		int copied = 0;
		for (Pan pan = find(text, 0, boundaries); pan != null; pan = find(text, pan.end(), boundaries)) {
			if (out == null) {
				out = new StringBuilder(text.length());
			}
			out.append(text, copied, pan.start()).append(pan.masked());
			copied = pan.end();
		}
		return out == null ? text : out.append(text, copied, text.length()).toString();
	}

	/** A PAN found: where it stands in the text, and its digits. */
	private record Pan(int start, int end, String digits) {

		String masked() {
			int n = this.digits.length();
			return this.digits.substring(0, 6) + "*".repeat(n - 10) + this.digits.substring(n - 4);
		}

	}

	/**
	 * The first PAN at or after {@code from}, or null; {@code boundaries} (or null) are
	 * the positions that end a number.
	 */
	private static Pan find(CharSequence text, int from, BitSet boundaries) {
		int length = text.length();
		// A PAN stands in a run of at least 13 characters that can all be part of one.
		// Looking at every 13th character is enough to land in every such run; only the
		// runs met are looked at closely.
		int i = from + MIN_DIGITS - 1;
		int scannedTo = from;
		while (i < length) {
			if (!candidate(text, i, boundaries)) {
				i += MIN_DIGITS;
				continue;
			}
			int start = i;
			while (start > scannedTo && candidate(text, start - 1, boundaries)) {
				start--;
			}
			int end = i + 1;
			while (end < length && candidate(text, end, boundaries)) {
				end++;
			}
			Pan pan = inRun(text, start, end);
			if (pan != null) {
				return pan;
			}
			scannedTo = end;
			i = end + MIN_DIGITS;
		}
		return null;
	}

	/**
	 * Whether a char can be part of a PAN as written: a digit, a separator or something
	 * read as absent (a surrogate half, whose code point is looked at closely).
	 */
	private static boolean candidate(CharSequence text, int i, BitSet boundaries) {
		char c = text.charAt(i);
		if (boundaries != null && boundaries.get(i)) {
			return false;
		}
		if (c < 0x80) {
			return (c >= '0' && c <= '9') || separator(c);
		}
		return !Character.isLetter(c) || Character.isSurrogate(c);
	}

	/** The first PAN in the candidate characters {@code [from, to)}, or null. */
	private static Pan inRun(CharSequence text, int from, int to) {
		StringBuilder digits = new StringBuilder();
		List<int[]> groups = new ArrayList<>(); // per group: first digit index, first
												// char,
												// end char
		int groupStart = -1;
		int groupFrom = -1;
		int groupTo = -1;
		boolean separated = false;
		int i = from;
		while (i <= to) {
			int cp = (i < to) ? Character.codePointAt(text, i) : -1;
			int width = (cp < 0) ? 1 : Character.charCount(cp);
			int digit = (cp < 0) ? -1 : digit(cp);
			if (digit >= 0) {
				if (groupStart < 0) {
					groupStart = digits.length();
					groupFrom = i;
				}
				digits.append((char) ('0' + digit));
				groupTo = i + width;
				separated = false;
			}
			else if (cp >= 0 && ignored(cp)) {
				// read as absent
			}
			else if (cp >= 0 && groupStart >= 0 && !separated && separator(cp)) {
				groups.add(new int[] { groupStart, groupFrom, groupTo });
				groupStart = -1;
				separated = true;
			}
			else {
				if (groupStart >= 0) {
					groups.add(new int[] { groupStart, groupFrom, groupTo });
				}
				Pan pan = inGroups(digits, groups);
				if (pan != null) {
					return pan;
				}
				digits.setLength(0);
				groups.clear();
				groupStart = -1;
				separated = false;
				if (cp >= 0 && separator(cp)) {
					separated = true; // a second separator: the next digit starts afresh
				}
			}
			i += width;
		}
		return null;
	}

	/**
	 * The first PAN in one number: the whole number, or a part of it that starts and ends
	 * at group boundaries.
	 */
	private static Pan inGroups(StringBuilder digits, List<int[]> groups) {
		int total = digits.length();
		if (total < MIN_DIGITS) {
			return null;
		}
		for (int first = 0; first < groups.size(); first++) {
			for (int last = groups.size() - 1; last >= first; last--) {
				int startDigit = groups.get(first)[0];
				int endDigit = (last + 1 < groups.size()) ? groups.get(last + 1)[0] : total;
				int n = endDigit - startDigit;
				if (n >= MIN_DIGITS && n <= MAX_DIGITS && luhn(digits.subSequence(startDigit, endDigit))) {
					return new Pan(groups.get(first)[1], groups.get(last)[2], digits.substring(startDigit, endDigit));
				}
			}
		}
		return null;
	}

	/** The decimal value of a digit, or -1. */
	private static int digit(int cp) {
		if (cp >= '0' && cp <= '9') {
			return cp - '0';
		}
		if (cp < 0x80) {
			return -1;
		}
		int value = Character.digit(cp, 10);
		if (value >= 0 || Character.getType(cp) != Character.OTHER_NUMBER) {
			return value;
		}
		String normalized = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFKC);
		return (normalized.length() == 1) ? Character.digit(normalized.charAt(0), 10) : -1;
	}

	/**
	 * Format characters and combining marks, which a reader of the number does not see.
	 */
	private static boolean ignored(int cp) {
		if (cp < 0x80) {
			return false;
		}
		int type = Character.getType(cp);
		return type == Character.FORMAT || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
	}

	private static boolean separator(int cp) {
		if (cp < 0x80) {
			return cp == ' ' || cp == '\t' || cp == '\n' || cp == '-' || cp == '.' || cp == '/' || cp == ','
					|| cp == '_';
		}
		if (Character.isSpaceChar(cp) || Character.getType(cp) == Character.DASH_PUNCTUATION || cp == 0x00B7
				|| cp == 0x30FB || cp == 0xFF65) {
			return true;
		}
		// fullwidth and other compatibility forms of the ASCII separators
		String normalized = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFKC);
		return normalized.length() == 1 && normalized.charAt(0) < 0x80 && separator(normalized.charAt(0));
	}

	static boolean luhn(CharSequence digits) {
		int sum = 0;
		boolean doubled = false;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int d = digits.charAt(i) - '0';
			if (doubled) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			sum += d;
			doubled = !doubled;
		}
		return sum % 10 == 0;
	}

}
