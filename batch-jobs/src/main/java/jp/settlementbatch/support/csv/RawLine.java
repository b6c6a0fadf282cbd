package jp.settlementbatch.support.csv;

import java.nio.charset.StandardCharsets;

/**
 * The raw text of a record as it stands in the file: unmasked, so never stored or logged
 * but through {@link #masked()}. A plain line keeps its UTF-8 bytes and is decoded only
 * when its text is asked for, which for an accepted line is seldom.
 */
public final class RawLine {

	private final byte[] utf8;

	private String text;

	private RawLine(String text, byte[] utf8) {
		this.text = text;
		this.utf8 = utf8;
	}

	static RawLine of(String text) {
		return new RawLine(text, null);
	}

	/** A line of valid UTF-8. */
	static RawLine ofUtf8(byte[] utf8) {
		return new RawLine(null, utf8);
	}

	/**
	 * The beginning of a line too long to keep: what it shows ends before a number it may
	 * have cut, and says that the rest was left out.
	 */
	static RawLine tooLong(byte[] beginning) {
		String text = new String(beginning, 0, Math.min(beginning.length, LineSource.KEPT), StandardCharsets.UTF_8);
		int end = text.length();
		while (end > 0 && !Character.isLetter(text.charAt(end - 1))) {
			end--;
		}
		return new RawLine(text.substring(0, end) + "… (the rest of a line over 64 KiB left out)", null);
	}

	/** The unmasked text. */
	public String text() {
		if (this.text == null) {
			this.text = new String(this.utf8, StandardCharsets.UTF_8);
		}
		return this.text;
	}

	/**
	 * The text with every PAN masked, and every control character shown as its picture
	 * (NUL as U+2400): the only form of it that may be kept.
	 */
	public String masked() {
		String masked = PanGuard.maskLine(text());
		if (!hasControl(masked)) {
			return masked;
		}
		StringBuilder shown = new StringBuilder(masked.length());
		for (int i = 0; i < masked.length(); i++) {
			char c = masked.charAt(i);
			shown.append(control(c) && c != '\n' ? (char) (c == 0x7f ? 0x2421 : 0x2400 + c) : c);
		}
		return shown.toString();
	}

	/**
	 * Whether a line holds a control character other than tab (line feeds join the lines
	 * of a record whose quoted field runs on).
	 */
	static boolean hasControl(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (control(c) && c != '\n') {
				return true;
			}
		}
		return false;
	}

	private static boolean control(char c) {
		return (c < 0x20 && c != '\t') || c == 0x7f;
	}

	/** Whether a field of the line holds a PAN (files.md, in any form). */
	public boolean containsPan() {
		return PanGuard.containsPanInLine(text());
	}

}
