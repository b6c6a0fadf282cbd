package jp.settlementbatch.support.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import com.opencsv.RFC4180Parser;
import com.opencsv.RFC4180ParserBuilder;

import jp.settlementbatch.support.files.FileStore;
import jp.settlementbatch.support.files.StoredObject;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Streams the D records of an {@code H / D... / T} file. Its position (byte offset, line
 * number, running count and total) is saved with every chunk, so a restart continues at
 * the first record after the last committed chunk, reading the pinned object from that
 * offset.
 *
 * <p>
 * Whole-file problems (header, trailer, empty) end the read and are kept as the file's
 * {@link FileRejection}; line problems are the processor's business.
 */
public class RecordFileReader implements ItemStreamReader<RecordLine> {

	static final String KEY = "records.";

	private final FileStore files;

	private final StoredObject input;

	private final LocalDate businessDate;

	private final int moneyField;

	private RFC4180Parser parser = new RFC4180ParserBuilder().build();

	private LineSource lines;

	private final ReadState state = new ReadState();

	/**
	 * @param moneyField index of the money column in a D record (0 is the record type),
	 * or -1
	 */
	public RecordFileReader(FileStore files, StoredObject input, LocalDate businessDate, int moneyField) {
		this.files = files;
		this.input = input;
		this.businessDate = businessDate;
		this.moneyField = moneyField;
	}

	/** What was read so far, with the file's rejection if any. */
	public ReadState state() {
		return this.state;
	}

	@Override
	public void open(ExecutionContext context) throws ItemStreamException {
		this.state.restore(context, KEY);
		if (this.state.finished) {
			return;
		}
		try {
			this.lines = new LineSource(this.files.open(this.input, this.state.offset), this.state.offset);
			if (this.state.offset == 0 && this.lines.skipByteOrderMark()) {
				finish(FileRejection.NOT_UTF8);
			}
		}
		catch (IOException ex) {
			throw new ItemStreamException("Could not open " + this.input.name() + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public void update(ExecutionContext context) {
		this.state.save(context, KEY);
	}

	@Override
	public void close() {
		if (this.lines != null) {
			try {
				this.lines.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.lines = null;
		}
	}

	@Override
	public RecordLine read() {
		try {
			while (!this.state.finished) {
				int lineNumber = this.state.physicalLines + 1;
				if (!nextPhysicalLine()) {
					endOfFile();
					return null;
				}
				if (this.lines.lineEmpty()) {
					continue; // blank lines carry nothing
				}
				if (this.lines.lastLineTooLong()) {
					RecordLine tooLong = tooLong(lineNumber, RawLine.tooLong(this.lines.lineBytes()));
					if (tooLong != null) {
						return tooLong;
					}
					continue;
				}
				String[] fields = this.lines.plainFields();
				boolean valid = true;
				String raw = null;
				if (fields == null) {
					// a quote running on past the line, a control character or bad UTF-8:
					// read as text
					raw = this.lines.line();
					valid = this.lines.lastLineValid();
					if (valid && !RawLine.hasControl(raw)) {
						fields = this.parser.parseLineMulti(raw);
						while (this.parser.isPending()) {
							String next = nextPhysicalLine() ? this.lines.line() : null;
							if (next == null) {
								fields = null; // an open quote runs to the end of the
												// file
								break;
							}
							if (this.lines.lastLineTooLong() || raw.length() + next.length() > LineSource.MAX_LINE) {
								return quotedTooLong(lineNumber, raw, next);
							}
							valid &= this.lines.lastLineValid();
							raw = raw + "\n" + next;
							// OpenCSV returns the fields of each physical line; the open
							// field continues in the first one of the next.
							fields = concat(fields, this.parser.parseLineMulti(next));
						}
						if (fields != null && RawLine.hasControl(raw)) {
							// a control character in a later line of the record
							fields = null;
						}
					}
				}
				if (!valid) {
					this.state.encodingErrors++;
					fields = null;
				}
				String type = fields != null && fields.length > 0 ? fields[0] : recordType(raw);
				if (!this.state.headerSeen) {
					header(type, fields, valid, raw);
					continue;
				}
				if (this.state.trailerSeen) {
					finish(FileRejection.RECORD_AFTER_TRAILER);
					return null;
				}
				if ("T".equals(type)) {
					if (rawLine(raw).containsPan()) {
						finish(FileRejection.PAN_DETECTED);
						return null;
					}
					trailer(fields);
					continue;
				}
				this.state.details++;
				// The trailer's total covers every D record, even one whose line is
				// rejected.
				String[] money = fields != null ? fields : raw.split(",", -1);
				BigInteger amount = BigInteger.ZERO;
				if (this.moneyField > 0 && money.length > this.moneyField) {
					amount = integerOrZero(money[this.moneyField]);
					this.state.amountTotal = this.state.amountTotal.add(amount);
				}
				return new RecordLine(lineNumber,
						raw != null ? RawLine.of(raw) : RawLine.ofUtf8(this.lines.lineBytes()), fields, false, amount);
			}
			return null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + this.input.uri() + " at byte " + this.state.offset, ex);
		}
	}

	/**
	 * A record longer than 64 KiB: a detail rejected as {@code LINE_TOO_LONG}, or, when
	 * it runs to the end of the file without a line feed, or stands where the header or
	 * trailer should, the whole file's rejection (then null).
	 */
	private RecordLine tooLong(int lineNumber, RawLine kept) {
		if (!this.lines.lastLineEnded()) {
			finish(FileRejection.LAST_LINE_TOO_LONG);
			return null;
		}
		if (!this.state.headerSeen) {
			finish(FileRejection.HEADER_INVALID);
			return null;
		}
		if (this.state.trailerSeen) {
			finish(FileRejection.RECORD_AFTER_TRAILER);
			return null;
		}
		this.state.details++;
		return new RecordLine(lineNumber, kept, null, true, BigInteger.ZERO);
	}

	/**
	 * A quoted field that runs on past 64 KiB: the rest of it is read past without being
	 * kept, to the line its quote closes on, and the record is a {@code LINE_TOO_LONG}
	 * detail. When the file ends inside the quote, its trailer is gone (then null).
	 */
	private RecordLine quotedTooLong(int lineNumber, String raw, String next) throws IOException {
		this.parser = new RFC4180ParserBuilder().build();
		byte[] kept = raw.getBytes(StandardCharsets.UTF_8);
		// inside the quote, every quote character closes or opens it ("" twice)
		boolean open = quotes(next) % 2 == 0;
		while (open && nextPhysicalLine()) {
			open = quotes(this.lines.line()) % 2 == 0;
		}
		if (open) {
			endOfFile();
			return null;
		}
		return tooLong(lineNumber, RawLine.tooLong(kept));
	}

	private static int quotes(String line) {
		int quotes = 0;
		for (int i = 0; i < line.length(); i++) {
			if (line.charAt(i) == '"') {
				quotes++;
			}
		}
		return quotes;
	}

	private boolean nextPhysicalLine() throws IOException {
		if (!this.lines.next()) {
			return false;
		}
		this.state.physicalLines++;
		this.state.offset = this.lines.offset();
		return true;
	}

	/** The record's raw line: read as text, or the current plain line's bytes. */
	private RawLine rawLine(String raw) {
		return raw != null ? RawLine.of(raw) : RawLine.ofUtf8(this.lines.lineBytes());
	}

	private void header(String type, String[] fields, boolean valid, String raw) {
		if (!valid) {
			finish(FileRejection.NOT_UTF8);
		}
		else if (rawLine(raw).containsPan()) {
			// The PAN guard holds for every record: a card number in the header or
			// trailer turns the whole file away, and it is never stored.
			finish(FileRejection.PAN_DETECTED);
		}
		else if (!"H".equals(type)) {
			finish(FileRejection.HEADER_MISSING);
		}
		else if (fields == null || fields.length != 5) {
			finish(FileRejection.HEADER_INVALID);
		}
		else {
			try {
				if (!LocalDate.parse(fields[2]).equals(this.businessDate)) {
					finish(FileRejection.BUSINESS_DATE_MISMATCH);
					return;
				}
				this.state.headerSeen = true;
			}
			catch (DateTimeParseException ex) {
				finish(FileRejection.HEADER_INVALID);
			}
		}
	}

	private void trailer(String[] fields) {
		this.state.trailerSeen = true;
		if (fields == null || fields.length != 3) {
			this.state.trailerCount = -1;
			return;
		}
		this.state.trailerCount = parseLongOr(fields[1], -1);
		this.state.trailerTotal = integerOrNull(fields[2]);
	}

	private void endOfFile() {
		if (!this.state.headerSeen) {
			finish(this.state.physicalLines == 0 ? FileRejection.EMPTY_FILE : FileRejection.HEADER_MISSING);
		}
		else if (!this.state.trailerSeen) {
			finish(FileRejection.TRAILER_MISSING);
		}
		else if (this.state.trailerCount != this.state.details) {
			finish(FileRejection.TRAILER_COUNT_MISMATCH);
		}
		else if (!(this.moneyField > 0 ? this.state.amountTotal : BigInteger.ZERO).equals(this.state.trailerTotal)) {
			finish(FileRejection.TRAILER_TOTAL_MISMATCH);
		}
		else {
			finish(null);
		}
	}

	private void finish(FileRejection rejection) {
		this.state.finished = true;
		this.state.rejection = rejection;
	}

	private static String[] concat(String[] first, String[] more) {
		String[] all = new String[first.length + more.length];
		System.arraycopy(first, 0, all, 0, first.length);
		System.arraycopy(more, 0, all, first.length, more.length);
		return all;
	}

	private static String recordType(String raw) {
		int comma = raw.indexOf(',');
		return comma < 0 ? raw : raw.substring(0, comma);
	}

	private static BigInteger integerOrZero(String text) {
		BigInteger value = integerOrNull(text);
		return value == null ? BigInteger.ZERO : value;
	}

	/** An integer of any size, or null (a sum must not overflow on one long amount). */
	private static BigInteger integerOrNull(String text) {
		if (text.isEmpty() || text.length() > 1000) {
			return null;
		}
		for (int i = (text.charAt(0) == '-' ? 1 : 0); i < text.length(); i++) {
			if (text.charAt(i) < '0' || text.charAt(i) > '9') {
				return null;
			}
		}
		return text.equals("-") ? null : new BigInteger(text);
	}

	private static long parseLongOr(String text, long fallback) {
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

}
