package jp.settlementbatch.support.intake;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import jp.settlementbatch.support.testing.Cli;
import jp.settlementbatch.support.testing.JarProcess;
import jp.settlementbatch.support.testing.Snapshot;
import jp.settlementbatch.support.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A line far longer than memory (files.md, {@code LINE_TOO_LONG}): a 300 MiB line under a
 * 256 MiB heap gets a final outcome in bounded time and bounded memory, the jar in its
 * own process as a task runs it.
 */
class LongLineIntegrationTests {

	static final Path DAY1 = Path.of("../sample-files/2026-11-20").toAbsolutePath();

	@TempDir
	Path work;

	@Test
	void aLineOf300MibUnderA256MibHeapIsRejectedAndTheRestTakenIn() throws Exception {
		// given 300 good lines and one of 300 MiB among them
		String url = TestDatabase.fresh();
		assertThat(new Cli(url)
			.run("run", "import-accounts", "--business-date=2026-11-20", "--inbox=" + DAY1,
					"--outbox=" + this.work.resolve("out"))
			.exitCode()).isZero();
		Path file = Files.createDirectories(this.work.resolve("in")).resolve("cashflow_20261120.csv");
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
			out.write("H,CF1,2026-11-20,PROC,2026-11-20T01:00:00+09:00\n".getBytes(StandardCharsets.UTF_8));
			for (int i = 1; i <= 300; i++) {
				out.write(line("CFA" + i, i == 150).getBytes(StandardCharsets.UTF_8));
				if (i == 150) {
					byte[] block = new byte[1 << 20];
					Arrays.fill(block, (byte) 'x');
					for (int mib = 0; mib < 300; mib++) {
						out.write(block);
					}
					out.write('\n');
				}
			}
			out.write("T,300,29900\n".getBytes(StandardCharsets.UTF_8));
		}

		// when the import runs with a heap smaller than the line
		long started = System.nanoTime();
		JarProcess run = JarProcess.withHeap(this.work, Map.of(), "-Xmx256m", "run", "import-cash-flows",
				"--business-date=2026-11-20", "--input=" + file, "--outbox=" + this.work.resolve("out"),
				"--db-url=" + url, "--log-format=json");
		long peak = 0;
		while (run.isAlive()) {
			peak = Math.max(peak, run.peakResidentMib());
			Thread.sleep(100);
		}
		int exit = run.waitFor(10);
		long seconds = (System.nanoTime() - started) / 1_000_000_000;
		System.out.println(
				"a 300 MiB line under -Xmx256m: exit " + exit + " in " + seconds + " s, peak RSS " + peak + " MiB");

		// then it ends, in bounded time and memory, with the line turned away and the
		// rest taken in
		assertThat(exit).as(run.output()).isZero();
		assertThat(seconds).isLessThan(120);
		assertThat(peak).as("peak resident MiB").isLessThan(700);
		JdbcTemplate jdbc = Snapshot.jdbc(url);
		assertThat(jdbc.queryForList("SELECT line_number || ' ' || reason FROM report.import_reject", String.class))
			.containsExactly("151 LINE_TOO_LONG");
		assertThat(jdbc.queryForObject("SELECT accepted_count FROM report.import_file WHERE file_type = 'CASH_FLOWS'",
				Integer.class))
			.isEqualTo(299);
	}

	private static String line(String id, boolean huge) {
		return "D," + id + ",1000000001,PURCHASE,100,JPY,2026-11-20T10:00:00+09:00,ローソン,5411,1234,"
				+ (huge ? "" : "\n");
	}

}
