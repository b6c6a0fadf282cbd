package jp.settlementbatch.support.intake;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;

import jp.settlementbatch.support.files.FileStore;

/**
 * A reject file of files.md: {@code line_number,reason,raw_line} with a header row, the
 * raw lines masked, written atomically to the outbox.
 */
final class RejectFile {

	/** Takes the lines of a reject file. */
	interface Lines {

		void line(int lineNumber, String reason, String maskedRawLine);

	}

	/** Writes the lines {@code body} gives. */
	interface Body {

		void write(Lines lines) throws Exception;

	}

	private RejectFile() {
	}

	static void write(FileStore files, String target, Body body) throws Exception {
		files.write(target, out -> {
			Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			ICSVWriter csv = new CSVWriterBuilder(writer).withLineEnd("\n").build();
			csv.writeNext(new String[] { "line_number", "reason", "raw_line" }, false);
			try {
				body.write((number, reason, raw) -> csv.writeNext(new String[] { String.valueOf(number), reason, raw },
						false));
			}
			catch (RuntimeException ex) {
				throw ex;
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex.getMessage(), ex);
			}
			csv.flush();
		});
	}

}
