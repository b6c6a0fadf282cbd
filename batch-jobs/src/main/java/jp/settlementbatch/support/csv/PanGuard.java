package jp.settlementbatch.support.csv;

/**
 * PCI DSS guard: finds runs of 13 to 19 digits (single spaces or dashes allowed between
 * digit groups) that pass the Luhn check, and masks them to first six / last four
 * ({@code 411111******1111}). Nothing else in the text is changed.
 */
public final class PanGuard {

	private PanGuard() {
	}

	public static boolean containsPan(String text) {
		return text != null && mask(text) != text;
	}

	/** {@code text} with every PAN masked; the same instance when there is none. */
	public static String mask(String text) {
		if (text == null) {
			return null;
		}
		StringBuilder out = null;
		int copied = 0;
		int length = text.length();
		int i = 0;
		while (i < length) {
			if (!isDigit(text.charAt(i))) {
				i++;
				continue;
			}
			int start = i;
			int end = i;
			int count = 0;
			while (end < length) {
				char c = text.charAt(end);
				if (isDigit(c)) {
					count++;
					end++;
				}
				else if ((c == ' ' || c == '-') && end + 1 < length && isDigit(text.charAt(end + 1))) {
					end++;
				}
				else {
					break;
				}
			}
			// Dates, amounts and ids are shorter runs: only a run of PAN length is looked
			// at closely.
			if (count >= 13 && count <= 19) {
				StringBuilder digits = new StringBuilder(count);
				for (int k = start; k < end; k++) {
					if (isDigit(text.charAt(k))) {
						digits.append(text.charAt(k));
					}
				}
				if (luhn(digits)) {
					if (out == null) {
						out = new StringBuilder(length);
					}
					out.append(text, copied, start).append(masked(digits));
					copied = end;
				}
			}
			i = end;
		}
		if (out == null) {
			return text;
		}
		return out.append(text, copied, length).toString();
	}

	private static String masked(CharSequence digits) {
		int n = digits.length();
		return digits.subSequence(0, 6) + "*".repeat(n - 10) + digits.subSequence(n - 4, n);
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

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

}
