package jp.settlementbatch.support.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import jp.settlementbatch.support.testing.Cli;
import jp.settlementbatch.support.testing.Snapshot;
import jp.settlementbatch.support.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The local daily workflow over consecutive sample days, and a rerun of one of them. */
class DailyIntegrationTests {

	static final Path SAMPLES = Path.of(System.getProperty("settlement.sample-files", "../sample-files"));

	@TempDir
	Path work;

	@Test
	void severalDaysThenARerunOfOneEndIdentical() throws IOException {
		// given
		String url = TestDatabase.fresh();
		Cli cli = new Cli(url);
		String inbox = "--inbox=" + SAMPLES + "/{date}";
		String outbox = "--outbox=" + this.work.resolve("out");

		// when the days from the 20th to the 24th run (the 21st to the 23rd are a weekend
		// and a holiday)
		Cli.Result days = cli.run("daily", "--business-date=2026-11-20", "--through=2026-11-24", inbox, outbox);

		// then
		assertThat(days.exitCode()).as(days.output()).isZero();
		assertThat(this.work.resolve("out/reports")).isDirectoryContaining("glob:**/daily_20261120.json")
			.isDirectoryContaining("glob:**/daily_20261124.json")
			.isDirectoryNotContaining("glob:**/daily_20261123.json");
		assertThat(this.work.resolve("out/credit-review/credit_review_20261124.csv")).exists();
		Map<String, String> views = Snapshot.of(url);
		Map<String, byte[]> outputs = outputs();

		// and a rerun of the last day changes nothing
		Cli.Result rerun = cli.run("daily", "--business-date=2026-11-24", inbox, outbox);
		assertThat(rerun.exitCode()).as(rerun.output()).isZero();
		assertThat(rerun.output()).contains("Already done before");
		assertThat(Snapshot.of(url)).isEqualTo(views);
		assertThat(outputs()).usingRecursiveComparison().isEqualTo(outputs);
	}

	/** Every output file but the run reports (which carry timings). */
	private Map<String, byte[]> outputs() throws IOException {
		Map<String, byte[]> files = new TreeMap<>();
		try (Stream<Path> paths = Files.walk(this.work.resolve("out"))) {
			for (Path p : paths.filter(Files::isRegularFile).filter(p -> !p.toString().contains("reports")).toList()) {
				files.put(p.toString(), Files.readAllBytes(p));
			}
		}
		return files;
	}

}
