package jp.settlementbatch.support.csv;

/**
 * PCI DSS guard: finds runs of 13 to 19 digits (single spaces or dashes allowed between
 * digit groups) that pass the Luhn check, and masks them to first six / last four
 * ({@code 411111******1111}). Nothing else in the text is changed.
 */
public final class PanGuard {

	private static final int MIN_DIGITS = 13;

	private PanGuard() {
	}

	public static boolean containsPan(String text) {
		return text != null && nextPan(text, 0) != null;
	}

	/**
	 * Whether UTF-8 text holds a PAN: digits, spaces and dashes are single bytes, and no
	 * byte of another character is one of them, so the bytes answer as the text would.
	 */
	public static boolean containsPan(byte[] utf8) {
		// A PAN lies in a run of at least 13 bytes that are all digits, spaces or dashes.
		// Looking at every 13th byte is enough to land in every such run; only the runs
		// met are looked at closely.
		int length = utf8.length;
		int i = MIN_DIGITS - 1;
		while (i < length) {
			if (!isPanByte(utf8[i])) {
				i += MIN_DIGITS;
				continue;
			}
			int from = i;
			while (from > 0 && isPanByte(utf8[from - 1])) {
				from--;
			}
			int to = i + 1;
			while (to < length && isPanByte(utf8[to])) {
				to++;
			}
			if (to - from >= MIN_DIGITS && nextPan(new Bytes(utf8, from, to), 0) != null) {
				return true;
			}
			i = to + MIN_DIGITS; // the byte at to ends the run
		}
		return false;
	}

	private static boolean isPanByte(byte b) {
		return (b >= '0' && b <= '9') || b == ' ' || b == '-';
	}

	/** {@code text} with every PAN masked; the same instance when there is none. */
	public static String mask(String text) {
		if (text == null) {
			return null;
		}
		StringBuilder out = null;
		int copied = 0;
		for (int[] pan = nextPan(text, 0); pan != null; pan = nextPan(text, pan[1])) {
			if (out == null) {
				out = new StringBuilder(text.length());
			}
			out.append(text, copied, pan[0]).append(masked(digits(text, pan[0], pan[1])));
			copied = pan[1];
		}
		return out == null ? text : out.append(text, copied, text.length()).toString();
	}

	/** Start and end of the first PAN at or after {@code from}, or null. */
	private static int[] nextPan(CharSequence text, int from) {
		int length = text.length();
		int i = from;
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
				// a line break too: a quoted field may carry a number over two lines
				else if ((c == ' ' || c == '-' || c == '\n') && end + 1 < length && isDigit(text.charAt(end + 1))) {
					end++;
				}
				else {
					break;
				}
			}
			// Dates, amounts and ids are shorter runs: only a run of PAN length is looked
			// at closely.
			if (count >= MIN_DIGITS && count <= 19 && luhn(digits(text, start, end))) {
				return new int[] { start, end };
			}
			i = end;
		}
		return null;
	}

	private static StringBuilder digits(CharSequence text, int start, int end) {
		StringBuilder digits = new StringBuilder(end - start);
		for (int k = start; k < end; k++) {
			if (isDigit(text.charAt(k))) {
				digits.append(text.charAt(k));
			}
		}
		return digits;
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

	/**
	 * UTF-8 bytes {@code [from, to)} seen as characters one byte each: enough to find
	 * ASCII digits.
	 */
	private record Bytes(byte[] utf8, int from, int to) implements CharSequence {

		@Override
		public int length() {
			return this.to - this.from;
		}

		@Override
		public char charAt(int index) {
			return (char) (this.utf8[this.from + index] & 0xFF);
		}

		@Override
		public CharSequence subSequence(int start, int end) {
			throw new UnsupportedOperationException();
		}

	}

}
