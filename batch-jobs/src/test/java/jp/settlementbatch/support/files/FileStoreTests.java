package jp.settlementbatch.support.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Outputs appear whole or not at all: a write that dies half way leaves the previous file
 * (or none) visible, and the rerun replaces it whole.
 */
class FileStoreTests {

	@TempDir
	Path outbox;

	@Test
	void aWriteThatFailsHalfWayLeavesThePreviousFileAndNoVisibleLeftover() throws IOException {
		// given yesterday's run of the same output
		FileStore files = new FileStore(null, null, null);
		Path target = this.outbox.resolve("notifications/interest_20261120.jsonl");
		files.write(target.toString(), out -> out.write("first\n".getBytes(StandardCharsets.UTF_8)));

		// when a rerun dies after writing part of the file
		assertThatThrownBy(() -> files.write(target.toString(), out -> {
			out.write("half of a new fi".getBytes(StandardCharsets.UTF_8));
			throw new IOException("the task was stopped");
		})).hasMessageContaining("the task was stopped");

		// then the file is the previous one, and nothing else is next to it, not even a
		// hidden temporary file
		assertThat(target).hasContent("first");
		try (Stream<Path> names = Files.list(target.getParent())) {
			assertThat(names.map(p -> p.getFileName().toString())).containsExactly("interest_20261120.jsonl");
		}

		// and the next run replaces it whole
		files.write(target.toString(), out -> out.write("second\n".getBytes(StandardCharsets.UTF_8)));
		assertThat(target).hasContent("second");
	}

	@Test
	void aFirstWriteThatFailsLeavesNoFile() {
		FileStore files = new FileStore(null, null, null);
		Path target = this.outbox.resolve("credit-review/credit_review_20261120.csv");

		assertThatThrownBy(() -> files.write(target.toString(), out -> {
			out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
			throw new IOException("out of memory");
		})).isInstanceOf(IOException.class);

		assertThat(target).doesNotExist();
		assertThat(target.getParent().toFile().list()).as("no temporary file left").isNullOrEmpty();
	}

	@Test
	void listingFindsFilesByNamePrefixAndInTheFoldersBelowAsTheCallerNamesThem() throws IOException {
		FileStore files = new FileStore(null, null, null);
		Path inbox = Files.createDirectories(this.outbox.resolve("inbox"));
		Files.writeString(inbox.resolve("repayment_20261120.csv"), "x");
		Files.writeString(inbox.resolve("cashflow_20261120.csv"), "xy");
		Files.createDirectories(inbox.resolve("2026-11-21"));
		Files.writeString(inbox.resolve("2026-11-21/repayment_20261121.csv"), "xyz");

		assertThat(files.list(inbox + "/repayment_"))
			.containsExactly(new FileStore.Listed(inbox + "/repayment_20261120.csv", 1));
		assertThat(files.list(inbox + "/").stream().map(FileStore.Listed::uri)).containsExactly(
				inbox + "/2026-11-21/repayment_20261121.csv", inbox + "/cashflow_20261120.csv",
				inbox + "/repayment_20261120.csv");
		String uri = inbox.toUri().toString();
		assertThat(files.list(uri + "cashflow_"))
			.containsExactly(new FileStore.Listed(uri + "cashflow_20261120.csv", 2));
		assertThat(files.list(this.outbox.resolve("nowhere") + "/")).isEmpty();
	}

	@org.junit.jupiter.api.Test
	void aFullDiskSaysWhichFileAndWhere(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) {
		FileStore store = new FileStore(null, null, null);
		String target = folder.resolve("out/reports/daily_20261120.json").toString();

		org.assertj.core.api.Assertions.assertThatIOException().isThrownBy(() -> store.write(target, out -> {
			throw new java.io.IOException("No space left on device");
		}))
			.withMessageContaining("Could not write " + target)
			.withMessageContaining("No space left on device")
			.withMessageContaining("Free space in " + folder.resolve("out/reports"));
	}

}
