package jp.settlementbatch.support.csv;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Physical lines of a UTF-8 byte stream (LF or CRLF), with the byte offset after each
 * line, so a reader can save its position and resume there. A line that is not valid
 * UTF-8 is returned with {@link #lastLineValid()} false.
 *
 * <p>
 * The common line is split into its fields straight from the bytes ({@link #next()},
 * {@link #plainFields()}): no string of the whole line is made, and its raw text is
 * decoded only when someone asks for it.
 *
 * <p>
 * A line is never held whole when it is longer than {@value #MAX_LINE} bytes (files.md,
 * {@code LINE_TOO_LONG}): its first {@value #KEPT} bytes are kept, the rest is read past
 * to the next line feed in the buffer's bounded memory, and {@link #lastLineTooLong()}
 * says so; {@link #lastLineEnded()} says whether such a line ended before the end of the
 * stream.
 */
final class LineSource implements AutoCloseable {

	/** The longest line held whole: 64 KiB. */
	static final int MAX_LINE = 64 * 1024;

	/** What is kept of a longer line, for its reject. */
	static final int KEPT = 1024;

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private final InputStream in;

	private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
		.onMalformedInput(CodingErrorAction.REPORT)
		.onUnmappableCharacter(CodingErrorAction.REPORT);

	private byte[] buffer = new byte[1 << 16];

	private int position;

	private int limit;

	private long offset;

	private boolean lastLineValid = true;

	private boolean eof;

	/** The current line's bytes, without its line ending: {@code [lineFrom, lineTo)}. */
	private int lineFrom;

	private int lineTo;

	/** How many fields the last plain line had: the next is likely the same. */
	private int lastFieldCount = 8;

	private boolean lastLineTooLong;

	private boolean lastLineEnded = true;

	LineSource(InputStream in, long startOffset) {
		this.in = in;
		this.offset = startOffset;
	}

	/** The byte offset just after the last line returned. */
	long offset() {
		return this.offset;
	}

	boolean lastLineValid() {
		return this.lastLineValid;
	}

	/** Whether the last line was longer than {@value #MAX_LINE} bytes. */
	boolean lastLineTooLong() {
		return this.lastLineTooLong;
	}

	/**
	 * Whether the last line ended with a line feed (or was short enough to end the
	 * stream).
	 */
	boolean lastLineEnded() {
		return this.lastLineEnded;
	}

	/**
	 * Skips a UTF-8 byte order mark at the very start; true when the file starts with a
	 * UTF-16 one.
	 */
	boolean skipByteOrderMark() throws IOException {
		fill(3);
		if (this.limit - this.position >= 3 && (this.buffer[this.position] & 0xFF) == 0xEF
				&& (this.buffer[this.position + 1] & 0xFF) == 0xBB && (this.buffer[this.position + 2] & 0xFF) == 0xBF) {
			this.position += 3;
			this.offset += 3;
			return false;
		}
		return this.limit - this.position >= 2 && (((this.buffer[this.position] & 0xFF) == 0xFE
				&& (this.buffer[this.position + 1] & 0xFF) == 0xFF)
				|| ((this.buffer[this.position] & 0xFF) == 0xFF && (this.buffer[this.position + 1] & 0xFF) == 0xFE));
	}

	/**
	 * Moves to the next line (its bytes stay in the buffer until the following call);
	 * false at the end of the stream.
	 */
	boolean next() throws IOException {
		this.lastLineTooLong = false;
		this.lastLineEnded = true;
		int scanFrom = this.position;
		while (true) {
			int i = lineFeed(this.buffer, scanFrom, Math.min(this.limit, this.position + MAX_LINE + 1));
			if (i >= 0) {
				select(this.position, i);
				this.offset += i + 1 - this.position;
				this.position = i + 1;
				return true;
			}
			if (this.limit - this.position > MAX_LINE) {
				skipLongLine();
				return true;
			}
			scanFrom = this.limit - this.position;
			if (!fill(this.limit - this.position + 1)) {
				if (this.limit == this.position) {
					return false;
				}
				select(this.position, this.limit);
				this.offset += this.limit - this.position;
				this.position = this.limit;
				return true;
			}
			scanFrom += this.position;
		}
	}

	/**
	 * A line longer than {@value #MAX_LINE} bytes: keeps its first {@value #KEPT} and
	 * reads past the rest to its line feed, or to the end of the stream, never holding
	 * more than the buffer.
	 */
	private void skipLongLine() throws IOException {
		byte[] kept = Arrays.copyOfRange(this.buffer, this.position, this.position + KEPT);
		this.lastLineTooLong = true;
		this.lastLineEnded = false;
		while (true) {
			int i = lineFeed(this.buffer, this.position, this.limit);
			if (i >= 0) {
				this.offset += i + 1 - this.position;
				this.position = i + 1;
				this.lastLineEnded = true;
				break;
			}
			this.offset += this.limit - this.position;
			this.position = this.limit;
			if (!fill(1)) {
				break;
			}
		}
		// the kept bytes stand at the front of the buffer, before what comes next
		if (this.position < KEPT) {
			byte[] larger = new byte[this.buffer.length + KEPT];
			System.arraycopy(this.buffer, this.position, larger, KEPT, this.limit - this.position);
			this.buffer = larger;
			this.limit = KEPT + this.limit - this.position;
			this.position = KEPT;
		}
		System.arraycopy(kept, 0, this.buffer, this.position - KEPT, KEPT);
		this.lineFrom = this.position - KEPT;
		this.lineTo = this.position;
	}

	/**
	 * The index of the first LF in {@code bytes[from, to)}, or -1. Eight bytes at a time:
	 * in {@code x}, the word XOR eight LFs, an LF byte is zero; the lowest zero byte of
	 * {@code x} is the lowest byte with its high bit set in
	 * {@code (x - 0x0101...) & ~x & 0x8080...}.
	 */
	static int lineFeed(byte[] bytes, int from, int to) {
		int i = from;
		for (; i + Long.BYTES <= to; i += Long.BYTES) {
			long x = (long) LONGS.get(bytes, i) ^ 0x0A0A0A0A0A0A0A0AL;
			long zero = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
			if (zero != 0) {
				return i + (Long.numberOfTrailingZeros(zero) >>> 3);
			}
		}
		for (; i < to; i++) {
			if (bytes[i] == '\n') {
				return i;
			}
		}
		return -1;
	}

	private void select(int from, int to) {
		this.lineFrom = from;
		this.lineTo = (to > from && this.buffer[to - 1] == '\r') ? to - 1 : to;
	}

	/** The current line as text; {@link #lastLineValid()} says whether it was UTF-8. */
	String line() {
		return decode(this.lineFrom, this.lineTo);
	}

	/** The current line's bytes, without its line ending. */
	byte[] lineBytes() {
		return Arrays.copyOfRange(this.buffer, this.lineFrom, this.lineTo);
	}

	boolean lineEmpty() {
		return this.lineFrom == this.lineTo;
	}

	/**
	 * The fields of the current line, split straight from its bytes, when it is plain:
	 * valid UTF-8, no control character but tab, and every quote part of a quoted field
	 * closed on this line ({@code "..."}, a quote inside written twice). RFC 4180 reads
	 * such a line the same way. Null for any other line, which is then read as text.
	 */
	String[] plainFields() {
		byte[] bytes = this.buffer;
		int end = this.lineTo;
		String[] fields = new String[this.lastFieldCount];
		int n = 0;
		int i = this.lineFrom;
		while (true) {
			String field;
			if (i < end && bytes[i] == '"') {
				int close = i + 1;
				boolean doubled = false;
				while (true) {
					if (close >= end || control(bytes[close])) {
						// the quote runs on to the next line, or a control character
						return null;
					}
					if (bytes[close] == '"') {
						if (close + 1 < end && bytes[close + 1] == '"') {
							doubled = true;
							close += 2;
							continue;
						}
						break;
					}
					close++;
				}
				field = utf8(i + 1, close);
				if (field != null && doubled) {
					field = field.replace("\"\"", "\"");
				}
				i = close + 1;
				if (i < end && bytes[i] != ',') {
					return null; // text after the closing quote
				}
			}
			else {
				int comma = i;
				while (comma < end && bytes[comma] != ',') {
					if (bytes[comma] == '"' || control(bytes[comma])) {
						return null;
					}
					comma++;
				}
				field = utf8(i, comma);
				i = comma;
			}
			if (field == null) {
				return null; // not UTF-8
			}
			if (n == fields.length) {
				fields = Arrays.copyOf(fields, n * 2 + 1);
			}
			fields[n++] = field;
			if (i >= end) {
				break;
			}
			i++; // the comma
		}
		this.lastFieldCount = n;
		this.lastLineValid = true;
		return n == fields.length ? fields : Arrays.copyOf(fields, n);
	}

	/**
	 * A C0 control character other than tab, or DEL: PostgreSQL refuses NUL in text, and
	 * no field of files.md holds any of them.
	 */
	static boolean control(byte b) {
		return (b >= 0 && b < 0x20 && b != '\t') || b == 0x7f;
	}

	/**
	 * The text of the bytes {@code [from, to)}, or null when they are not valid UTF-8.
	 * The JDK's fast UTF-8 path first; a replacement character means the bytes may be
	 * invalid, and only then the strict decoder decides (a real U+FFFD in the file is
	 * valid UTF-8).
	 */
	private String utf8(int from, int to) {
		// ASCII bytes (the JDK checks them all at once) make a one-byte-per-character
		// string, in which the search for U+FFFD ends at once.
		String text = new String(this.buffer, from, to - from, StandardCharsets.UTF_8);
		return text.indexOf('\uFFFD') < 0 || valid(from, to) ? text : null;
	}

	private boolean valid(int from, int to) {
		try {
			this.decoder.reset().decode(ByteBuffer.wrap(this.buffer, from, to - from));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	/** The line's text; when it is not UTF-8, with replacement characters. */
	private String decode(int from, int end) {
		String text = utf8(from, end);
		this.lastLineValid = text != null;
		return text != null ? text : new String(this.buffer, from, end - from, StandardCharsets.UTF_8);
	}

	/**
	 * Makes at least {@code wanted} bytes available from position; false at the end of
	 * the stream.
	 */
	private boolean fill(int wanted) throws IOException {
		if (this.limit - this.position >= wanted) {
			return true;
		}
		if (this.eof) {
			return false;
		}
		if (this.position > 0) {
			System.arraycopy(this.buffer, this.position, this.buffer, 0, this.limit - this.position);
			this.limit -= this.position;
			this.position = 0;
		}
		if (wanted > this.buffer.length) {
			byte[] larger = new byte[Math.max(wanted, this.buffer.length * 2)];
			System.arraycopy(this.buffer, 0, larger, 0, this.limit);
			this.buffer = larger;
		}
		while (this.limit < wanted) {
			int n = this.in.read(this.buffer, this.limit, this.buffer.length - this.limit);
			if (n < 0) {
				this.eof = true;
				return false;
			}
			this.limit += n;
		}
		return true;
	}

	@Override
	public void close() throws IOException {
		this.in.close();
	}

}
