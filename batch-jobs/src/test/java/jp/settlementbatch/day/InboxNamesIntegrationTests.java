package jp.settlementbatch.day;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import jp.settlementbatch.support.testing.Cli;
import jp.settlementbatch.support.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing in the inbox is ignored silently (files.md): an object whose name is near an
 * expected one is listed as UNRECOGNIZED with the name it probably meant, and the exit-4
 * message of a missing file names it.
 */
class InboxNamesIntegrationTests {

	static final Path SAMPLES = Path.of(System.getProperty("settlement.sample-files", "../sample-files"));

	@TempDir
	Path work;

	@Test
	void aFileWithTheWrongCaseACopySuffixOrInASubfolderIsNamedAndTheOperatorToldWhatToDo() throws Exception {
		// given the first sample day, its files misnamed
		Path day = Files.createDirectories(this.work.resolve("inbox/2026-11-20"));
		try (Stream<Path> files = Files.list(SAMPLES.resolve("2026-11-20"))) {
			for (Path file : files.toList()) {
				Files.copy(file, day.resolve(file.getFileName()));
			}
		}
		Files.move(day.resolve("cashflow_20261120.csv"), day.resolve("CASHFLOW_20261120.CSV"));
		Files.move(day.resolve("repayment_20261120.csv"), day.resolve("repayment_20261120 (1).csv"));
		Files.createDirectories(day.resolve("late"));
		Files.move(day.resolve("applications_20261120.csv"), day.resolve("late/applications_20261120.csv"));
		Cli cli = new Cli(TestDatabase.fresh());
		String inbox = "--inbox=" + this.work.resolve("inbox") + "/{date}";
		String out = "--outbox=" + this.work.resolve("out");

		// when the day runs
		Cli.Result daily = cli.run("daily", "--business-date=2026-11-20", inbox, out);

		// then the required file is not there, and the message names what is
		assertThat(daily.exitCode()).isEqualTo(4);
		assertThat(daily.output()).contains(
				"cashflow_20261120.csv is not there; the inbox has \"CASHFLOW_20261120.CSV\"",
				"rename it cashflow_20261120.csv");

		// and the manifest lists each near miss, with what to do
		Cli.Result files = cli.run("files", "--business-date=2026-11-20", inbox, out);
		assertThat(files.exitCode()).isEqualTo(3);
		assertThat(files.output()).contains("CASHFLOW_20261120.CSV", "UNRECOGNIZED", "repayment_20261120 (1).csv",
				"it is probably repayment_20261120.csv", "it is probably applications_20261120.csv");
		assertThat(files.output()).doesNotContain("cashflow_20261120.csv is missing");
	}

}
