package jp.settlementbatch.support.csv;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.opencsv.RFC4180Parser;
import com.opencsv.RFC4180ParserBuilder;

import jp.settlementbatch.support.files.FileStore;
import jp.settlementbatch.support.files.StoredObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

class RecordFileReaderTests {

	private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

	private static final String HEADER = "H,F1,2026-11-20,SENDER,2026-11-20T01:00:00+09:00";

	@TempDir
	Path folder;

	private final FileStore files = new FileStore(null, null, null);

	@Test
	void readsDetailsBetweenHeaderAndTrailerWithCrlfAndByteOrderMark() throws IOException {
		// given
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		String text = HEADER + "\r\nD,a,100\r\nD,b,200\r\nT,2,300\r\n";
		Path file = write("f.csv", concat(bom, text.getBytes(StandardCharsets.UTF_8)));

		// when
		Result result = readAll(file, new ExecutionContext());

		// then
		assertThat(result.lines).extracting(RecordLine::lineNumber).containsExactly(2, 3);
		assertThat(result.lines.get(0).fields()).containsExactly("D", "a", "100");
		assertThat(result.state.rejection()).isNull();
		assertThat(result.state.details()).isEqualTo(2);
		assertThat(result.state.amountTotal()).isEqualTo(300);
	}

	@Test
	void quotedFieldsMayHoldCommasQuotesAndLineBreaks() throws IOException {
		// given
		Path file = write("f.csv", HEADER + "\nD,\"居酒屋 \"\"ととや\"\", 難波\nB1\",100\nD,x,5\nT,2,105\n");

		// when
		Result result = readAll(file, new ExecutionContext());

		// then
		assertThat(result.lines.get(0).fields()).containsExactly("D", "居酒屋 \"ととや\", 難波\nB1", "100");
		assertThat(result.lines.get(1).lineNumber()).isEqualTo(4);
		assertThat(result.state.rejection()).isNull();
	}

	@Test
	void splitsEveryOneLineRecordAsRfc4180Does() throws IOException {
		// given lines that are split from their bytes, and one that needs the full
		// parser (a quote inside a plain field)
		List<String> details = List.of("D,a,1", "D,,,", "D,ローソン 渋谷店,2", "D,\"\",3", "D,\"株式会社サンプル商事, 本店\",4",
				"D,\"居酒屋 \"\"ととや\"\" 難波店\",5", "D,\"\"\"\",6", "D,\"end\",", "D,x\"y,8", "D,\"ローソン\",\"10\"");
		Path file = write("f.csv", HEADER + "\n" + String.join("\n", details) + "\nT," + details.size() + ",0\n");
		RFC4180Parser rfc4180 = new RFC4180ParserBuilder().build();

		// when
		Result result = readAll(reader(file, -1), new ExecutionContext());

		// then
		assertThat(result.lines).hasSize(details.size());
		for (int i = 0; i < details.size(); i++) {
			RecordLine line = result.lines.get(i);
			assertThat(line.fields()).as(details.get(i)).containsExactly(rfc4180.parseLine(details.get(i)));
			assertThat(line.raw()).isEqualTo(details.get(i));
		}
		assertThat(result.state.rejection()).isNull();
	}

	@Test
	void aRestartContinuesAfterTheLastSavedPosition() throws IOException {
		// given a reader that read two records and saved its position, as at a chunk
		// commit
		Path file = write("f.csv", HEADER + "\nD,a,1\nD,b,2\nD,c,3\nD,d,4\nT,4,10\n");
		RecordFileReader first = reader(file);
		ExecutionContext saved = new ExecutionContext();
		first.open(saved);
		first.read();
		first.read();
		first.update(saved);
		first.close();

		// when a new reader opens with that context
		Result rest = readAll(file, saved);

		// then it reads exactly the records not yet committed, and checks the trailer
		// over all of them
		assertThat(rest.lines).extracting(l -> l.fields()[1]).containsExactly("c", "d");
		assertThat(rest.state.details()).isEqualTo(4);
		assertThat(rest.state.rejection()).isNull();
	}

	@Test
	void wholeFileProblemsAreReportedAsTheFilesRejection() throws IOException {
		assertThat(rejectionOf("")).isEqualTo(FileRejection.EMPTY_FILE);
		assertThat(rejectionOf("D,a,1\nT,1,1\n")).isEqualTo(FileRejection.HEADER_MISSING);
		assertThat(rejectionOf("H,F1,2026-11-19,S,2026-11-19T01:00:00+09:00\nT,0,0\n"))
			.isEqualTo(FileRejection.BUSINESS_DATE_MISMATCH);
		assertThat(rejectionOf("H,F1\nT,0,0\n")).isEqualTo(FileRejection.HEADER_INVALID);
		assertThat(rejectionOf(HEADER + "\nD,a,1\n")).isEqualTo(FileRejection.TRAILER_MISSING);
		assertThat(rejectionOf(HEADER + "\nD,a,1\nT,2,1\n")).isEqualTo(FileRejection.TRAILER_COUNT_MISMATCH);
		assertThat(rejectionOf(HEADER + "\nD,a,1\nT,1,2\n")).isEqualTo(FileRejection.TRAILER_TOTAL_MISMATCH);
		assertThat(rejectionOf(HEADER + "\nT,0,0\nD,a,1\n")).isEqualTo(FileRejection.RECORD_AFTER_TRAILER);
		assertThat(rejectionOf(HEADER + "\nT,0,0\n")).isNull();
	}

	@Test
	void aLineOver64KibIsATooLongDetailAndTheNextLinesAreReadAsUsual() throws IOException {
		// given a detail of 5 MiB between two ordinary ones, and a quoted field that runs
		// on over more than 64 KiB of lines
		String huge = "D,x," + "9".repeat(5 * 1024 * 1024);
		String quoted = "D,\"" + "a\n".repeat(40_000) + "\",1";
		Path file = write("f.csv", HEADER + "\nD,a,1\n" + huge + "\nD,b,2\n" + quoted + "\nD,c,3\nT,5,6\n");

		// when
		Result result = readAll(file, new ExecutionContext());

		// then
		assertThat(result.lines).extracting(RecordLine::lineNumber).startsWith(2, 3, 4, 5);
		assertThat(result.lines.get(1).tooLong()).isTrue();
		assertThat(result.lines.get(1).rawLine().masked()).startsWith("D,x")
			.endsWith("(the rest of a line over 64 KiB left out)")
			.hasSizeLessThan(1_100);
		assertThat(result.lines.get(2).fields()).containsExactly("D", "b", "2");
		assertThat(result.lines.get(3).tooLong()).isTrue();
		assertThat(result.lines).last().extracting(l -> l.fields()[1]).isEqualTo("c");
		assertThat(result.state.rejection()).isNull();
	}

	@Test
	void aLastLineThatRunsOnPast64KibToTheEndRejectsTheFile() throws IOException {
		assertThat(rejectionOf(HEADER + "\nD,a,1\nT,1,1\n" + "x".repeat(100_000)))
			.isEqualTo(FileRejection.LAST_LINE_TOO_LONG);
		// a short last line without a line feed is an ordinary last line
		assertThat(rejectionOf(HEADER + "\nD,a,1\nT,1,1")).isNull();
	}

	@Test
	void aLineThatIsNotUtf8IsMalformedAndCounted() throws IOException {
		// given a detail line in Shift_JIS inside a UTF-8 file
		byte[] head = (HEADER + "\nD,a,1\n").getBytes(StandardCharsets.UTF_8);
		byte[] sjis = "D,ローソン,2\n".getBytes(Charset.forName("Windows-31J"));
		byte[] tail = "T,2,3\n".getBytes(StandardCharsets.UTF_8);
		Path file = write("f.csv", concat(concat(head, sjis), tail));

		// when
		Result result = readAll(file, new ExecutionContext());

		// then
		assertThat(result.lines).hasSize(2);
		assertThat(result.lines.get(1).malformed()).isTrue();
		assertThat(result.state.encodingErrors()).isEqualTo(1);
		assertThat(result.state.rejection()).isNull();
	}

	@Test
	void aFileInAnotherEncodingAltogetherIsNotUtf8() throws IOException {
		Path file = write("f.csv",
				("H,F1,2026-11-20,送信元,2026-11-20T01:00:00+09:00\nT,0,0\n").getBytes(Charset.forName("Windows-31J")));
		assertThat(readAll(file, new ExecutionContext()).state.rejection()).isEqualTo(FileRejection.NOT_UTF8);
	}

	private FileRejection rejectionOf(String text) throws IOException {
		return readAll(write("r.csv", text), new ExecutionContext()).state.rejection();
	}

	private RecordFileReader reader(Path file) {
		return reader(file, 2);
	}

	private RecordFileReader reader(Path file, int moneyField) {
		StoredObject object = this.files.stat(file.toString()).orElseThrow();
		return new RecordFileReader(this.files, object, DAY, moneyField);
	}

	private record Result(List<RecordLine> lines, ReadState state) {
	}

	private Result readAll(Path file, ExecutionContext context) {
		return readAll(reader(file), context);
	}

	private Result readAll(RecordFileReader reader, ExecutionContext context) {
		reader.open(context);
		List<RecordLine> lines = new ArrayList<>();
		RecordLine line;
		while ((line = reader.read()) != null) {
			lines.add(line);
		}
		reader.update(context);
		reader.close();
		return new Result(lines, reader.state());
	}

	private Path write(String name, String text) throws IOException {
		return write(name, text.getBytes(StandardCharsets.UTF_8));
	}

	private Path write(String name, byte[] bytes) throws IOException {
		return Files.write(this.folder.resolve(name), bytes);
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] out = new byte[a.length + b.length];
		System.arraycopy(a, 0, out, 0, a.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}

}
