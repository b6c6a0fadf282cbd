package jp.settlementbatch.support.db;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

/** A growing byte buffer and the two COPY encodings. */
final class CopyBytes {

	/** 2000-01-01, PostgreSQL's epoch, in Unix epoch days and seconds. */
	private static final long PG_EPOCH_DAY = 10_957;

	private static final long PG_EPOCH_SECOND = PG_EPOCH_DAY * 86_400;

	byte[] buffer;

	int position;

	CopyBytes(int capacity) {
		this.buffer = new byte[capacity];
	}

	void textRow(Object[] values) {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				put((byte) '\t');
			}
			textValue(values[i]);
		}
		put((byte) '\n');
	}

	private void textValue(Object value) {
		if (value == null) {
			put((byte) '\\');
			put((byte) 'N');
		}
		else if (value instanceof String text) {
			utf8(text, true);
		}
		else if (value instanceof BigDecimal decimal) {
			utf8(decimal.toPlainString(), true);
		}
		else {
			// numbers, booleans and ISO dates: ASCII without specials
			utf8(value.toString(), true);
		}
	}

	void binaryTuple(Object[] values) {
		putShort(values.length);
		binaryValues(values);
	}

	void binaryValues(Object[] values) {
		for (Object value : values) {
			if (value == null) {
				putInt(-1);
			}
			else if (value instanceof String text) {
				int lengthAt = this.position;
				putInt(0);
				int start = this.position;
				utf8(text, false);
				int length = this.position - start;
				this.buffer[lengthAt] = (byte) (length >>> 24);
				this.buffer[lengthAt + 1] = (byte) (length >>> 16);
				this.buffer[lengthAt + 2] = (byte) (length >>> 8);
				this.buffer[lengthAt + 3] = (byte) length;
			}
			else if (value instanceof Long number) {
				bigint(number);
			}
			else if (value instanceof Integer number) {
				integer(number);
			}
			else if (value instanceof LocalDate date) {
				integer(Math.toIntExact(date.toEpochDay() - PG_EPOCH_DAY));
			}
			else if (value instanceof Instant at) {
				if (at.getNano() % 1_000 != 0) {
					throw new IllegalArgumentException("A binary COPY takes whole microseconds: " + at);
				}
				bigint((at.getEpochSecond() - PG_EPOCH_SECOND) * 1_000_000 + at.getNano() / 1_000);
			}
			else if (value instanceof Boolean flag) {
				putInt(1);
				put((byte) (flag ? 1 : 0));
			}
			else {
				throw new IllegalArgumentException("No binary COPY for a " + value.getClass().getSimpleName());
			}
		}
	}

	/** A BIGINT field: its length, then its value. */
	void bigint(long value) {
		putInt(8);
		putLong(value);
	}

	/** An INTEGER field: its length, then its value. */
	void integer(int value) {
		putInt(4);
		putInt(value);
	}

	void putShort(int value) {
		ensure(2);
		this.buffer[this.position++] = (byte) (value >>> 8);
		this.buffer[this.position++] = (byte) value;
	}

	void putInt(int value) {
		ensure(4);
		this.buffer[this.position++] = (byte) (value >>> 24);
		this.buffer[this.position++] = (byte) (value >>> 16);
		this.buffer[this.position++] = (byte) (value >>> 8);
		this.buffer[this.position++] = (byte) value;
	}

	void putLong(long value) {
		putInt((int) (value >>> 32));
		putInt((int) value);
	}

	/** Appends {@code text} as UTF-8, with COPY text-format escapes when asked. */
	private void utf8(String text, boolean escaped) {
		int length = text.length();
		ensure(length * 3 + 2);
		byte[] out = this.buffer;
		int p = this.position;
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c < 0x80 && !escaped) {
				out[p++] = (byte) c;
			}
			else if (c < 0x80) {
				switch (c) {
					case '\\' -> {
						out[p++] = '\\';
						out[p++] = '\\';
					}
					case '\t' -> {
						out[p++] = '\\';
						out[p++] = 't';
					}
					case '\n' -> {
						out[p++] = '\\';
						out[p++] = 'n';
					}
					case '\r' -> {
						out[p++] = '\\';
						out[p++] = 'r';
					}
					default -> out[p++] = (byte) c;
				}
			}
			else if (c < 0x800) {
				out[p++] = (byte) (0xC0 | (c >> 6));
				out[p++] = (byte) (0x80 | (c & 0x3F));
			}
			else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
				int cp = Character.toCodePoint(c, text.charAt(++i));
				out[p++] = (byte) (0xF0 | (cp >> 18));
				out[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
				out[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
				out[p++] = (byte) (0x80 | (cp & 0x3F));
			}
			else {
				out[p++] = (byte) (0xE0 | (c >> 12));
				out[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
				out[p++] = (byte) (0x80 | (c & 0x3F));
			}
		}
		this.position = p;
	}

	void put(byte b) {
		ensure(1);
		this.buffer[this.position++] = b;
	}

	void put(byte[] bytes) {
		ensure(bytes.length);
		System.arraycopy(bytes, 0, this.buffer, this.position, bytes.length);
		this.position += bytes.length;
	}

	private void ensure(int more) {
		if (this.position + more > this.buffer.length) {
			this.buffer = Arrays.copyOf(this.buffer, Math.max(this.buffer.length * 2, this.position + more));
		}
	}

}
