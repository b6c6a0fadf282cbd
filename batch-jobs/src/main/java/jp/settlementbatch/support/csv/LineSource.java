package jp.settlementbatch.support.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Physical lines of a UTF-8 byte stream (LF or CRLF), with the byte offset after each
 * line, so a reader can save its position and resume there. A line that is not valid
 * UTF-8 is returned with {@link #lastLineValid()} false.
 */
final class LineSource implements AutoCloseable {

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

	/** The next line without its line ending, or null at the end of the stream. */
	String readLine() throws IOException {
		int scanFrom = this.position;
		while (true) {
			for (int i = scanFrom; i < this.limit; i++) {
				if (this.buffer[i] == '\n') {
					String line = decode(this.position, i);
					this.offset += i + 1 - this.position;
					this.position = i + 1;
					return line;
				}
			}
			scanFrom = this.limit - this.position;
			if (!fill(this.limit - this.position + 1)) {
				if (this.limit == this.position) {
					return null;
				}
				String line = decode(this.position, this.limit);
				this.offset += this.limit - this.position;
				this.position = this.limit;
				return line;
			}
			scanFrom += this.position;
		}
	}

	private String decode(int from, int to) {
		int end = (to > from && this.buffer[to - 1] == '\r') ? to - 1 : to;
		boolean ascii = true;
		for (int i = from; i < end; i++) {
			if (this.buffer[i] < 0) {
				ascii = false;
				break;
			}
		}
		this.lastLineValid = true;
		if (ascii) {
			return new String(this.buffer, from, end - from, StandardCharsets.ISO_8859_1);
		}
		// The JDK's fast UTF-8 path; a replacement character means the bytes may be
		// invalid, and only
		// then the strict decoder decides (a real U+FFFD in the file is valid UTF-8).
		String line = new String(this.buffer, from, end - from, StandardCharsets.UTF_8);
		if (line.indexOf('\uFFFD') < 0) {
			return line;
		}
		try {
			this.decoder.reset().decode(ByteBuffer.wrap(this.buffer, from, end - from));
			return line;
		}
		catch (CharacterCodingException ex) {
			this.lastLineValid = false;
			return line;
		}
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
