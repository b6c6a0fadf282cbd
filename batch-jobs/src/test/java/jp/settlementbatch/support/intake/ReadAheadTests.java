package jp.settlementbatch.support.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jp.settlementbatch.support.csv.RecordFileReader;
import jp.settlementbatch.support.files.FileStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadAheadTests {

	private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

	/** More lines than two blocks hold, and not a whole number of blocks. */
	private static final int DETAILS = 2 * ReadAhead.BLOCK + 88;

	/** Lines to a chunk: more than a block, and not a whole number of blocks. */
	private static final int CHUNK = 300;

	@TempDir
	Path folder;

	private final FileStore files = new FileStore(null, null, null);

	@Test
	void handsOverEveryLineInOrderInBlocksThatFillChunksExactlyThenTheEndForGood() throws IOException {
		// given a file of 600 details, read for chunks of 300 lines
		try (ReadAhead readAhead = readAhead(file(), passing(), new ExecutionContext())) {
			// when every block is taken
			List<Integer> sizes = new ArrayList<>();
			List<Integer> numbers = new ArrayList<>();
			for (List<CheckedLine> block = readAhead.next(); block != null; block = readAhead.next()) {
				sizes.add(block.size());
				block.forEach(line -> numbers.add(line.lineNumber()));
			}

			// then every line comes once, in file order, in blocks of at most 256 lines
			assertThat(numbers).hasSize(DETAILS).first().isEqualTo(2);
			assertThat(numbers).isSorted().doesNotHaveDuplicates().last().isEqualTo(DETAILS + 1);
			// and a chunk's worth of blocks (two) holds exactly a chunk's 300 lines
			assertThat(sizes).containsExactly(256, 44, 256, 44);
			// then the end, again and again
			assertThat(readAhead.next()).isNull();
			assertThat(readAhead.next()).isNull();
		}
	}

	@Test
	void savesThePositionAfterTheLastLineHandedOverNotAfterTheLinesReadAhead() throws IOException {
		// given a step that took a chunk of 300 lines (more than a block) while more were
		// read ahead
		Path file = file();
		ExecutionContext context = new ExecutionContext();
		try (ReadAhead readAhead = readAhead(file, passing(), context)) {
			take(readAhead, 300);
			Thread.sleep(200); // let the worker run ahead
			readAhead.update(context);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}

		// when the next attempt starts from the saved position
		try (ReadAhead again = readAhead(file, passing(), context)) {
			// then it goes on with the 301st detail and hands over the rest exactly once
			List<Integer> rest = take(again, DETAILS - 300);
			assertThat(rest.get(0)).isEqualTo(302); // the header is line 1
			assertThat(rest).hasSize(DETAILS - 300).last().isEqualTo(DETAILS + 1);
			assertThat(again.next()).isNull();
		}
	}

	@Test
	void saysWhetherLinesRemainWithoutLosingTheBlockItWaitedFor() throws IOException {
		// given a file of exactly two chunks' lines
		try (ReadAhead readAhead = readAhead(file(), passing(), new ExecutionContext())) {
			// when the first chunk is taken, more remains, and asking twice loses nothing
			assertThat(take(readAhead, CHUNK)).first().isEqualTo(2);
			assertThat(readAhead.hasMore()).isTrue();
			assertThat(readAhead.hasMore()).isTrue();
			assertThat(take(readAhead, CHUNK)).first().isEqualTo(CHUNK + 2);

			// then after the second, nothing remains: the end is known without another
			// chunk
			assertThat(readAhead.hasMore()).isFalse();
			assertThat(readAhead.next()).isNull();
		}
	}

	@Test
	void aFailureComesAfterTheLinesReadBeforeItAndStays() throws IOException {
		// given rules that fail (not reject: fail) on line 400, in the second chunk's
		// first block
		DetailRule<Detail> failing = (fields, day) -> {
			if (fields[1].equals("id399")) {
				throw new IllegalStateException("disk gone");
			}
			return new Detail(fields[1], Long.parseLong(fields[2]));
		};
		try (ReadAhead readAhead = readAhead(file(), failing, new ExecutionContext())) {
			// then the lines before it are handed over first
			assertThat(take(readAhead, 398)).last().isEqualTo(399);

			// and then the failure, on every later call too
			assertThatThrownBy(readAhead::next).hasMessage("disk gone");
			assertThatThrownBy(readAhead::next).hasMessage("disk gone");
		}
	}

	@Test
	void aThreadThatDiesOfAnErrorFailsTheStepInsteadOfLeavingItWaiting() throws IOException {
		// given rules that die as a thread out of memory does, on line 400
		DetailRule<Detail> dying = (fields, day) -> {
			if (fields[1].equals("id399")) {
				throw new OutOfMemoryError("Java heap space");
			}
			return new Detail(fields[1], Long.parseLong(fields[2]));
		};
		try (ReadAhead readAhead = readAhead(file(), dying, new ExecutionContext())) {
			take(readAhead, 398);

			// then the step is told, at once and for good
			assertThatThrownBy(readAhead::next).hasMessageContaining("OutOfMemoryError");
			assertThatThrownBy(readAhead::next).hasMessageContaining("OutOfMemoryError");
		}
	}

	/** Takes blocks until they held {@code count} lines, which must end a block. */
	private static List<Integer> take(ReadAhead readAhead, int count) {
		List<Integer> numbers = new ArrayList<>();
		while (numbers.size() < count) {
			List<CheckedLine> block = readAhead.next();
			assertThat(block).as("lines after %d of %d", numbers.size(), count).isNotNull();
			for (CheckedLine line : block) {
				assertThat(line.isAccepted()).isTrue();
				numbers.add(line.lineNumber());
			}
		}
		assertThat(numbers).hasSize(count);
		return numbers;
	}

	private static DetailRule<Detail> passing() {
		return (fields, day) -> new Detail(fields[1], Long.parseLong(fields[2]));
	}

	/** The line of a test file of details {@code D,id,amount}. */
	record Detail(String id, long amount) {

	}

	private ReadAhead readAhead(Path file, DetailRule<Detail> rule, ExecutionContext context) {
		FileKind kind = FileKind.named("TEST", "test")
			.lines(3, Detail.class, rule)
			.moneyField(2)
			.into("test.detail")
			.build();
		RecordFileReader reader = new RecordFileReader(this.files, this.files.stat(file.toString()).orElseThrow(), DAY,
				kind.moneyField());
		return new ReadAhead(reader, new LineCheck(kind, DAY, null, (number, values) -> null), context, CHUNK);
	}

	private Path file() throws IOException {
		StringBuilder text = new StringBuilder("H,F1,2026-11-20,SENDER,2026-11-20T01:00:00+09:00\n");
		for (int i = 1; i <= DETAILS; i++) {
			text.append("D,id").append(i).append(',').append(i).append('\n');
		}
		text.append("T,").append(DETAILS).append(',').append((long) DETAILS * (DETAILS + 1) / 2).append('\n');
		Path file = this.folder.resolve("details.csv");
		Files.writeString(file, text, StandardCharsets.UTF_8);
		return file;
	}

}
