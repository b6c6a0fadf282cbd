package jp.settlementbatch.day;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.settlementbatch.support.testing.Cli;
import jp.settlementbatch.support.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The file manifest of a run date ({@code reports/daily_D.json}, {@code files}), over the
 * sample days: what was expected and came, what is missing, what came late, what was
 * rejected, and what no run took in.
 */
class FileManifestIntegrationTests {

	static final Path SAMPLES = Path.of(System.getProperty("settlement.sample-files", "../sample-files"));

	@TempDir
	Path work;

	@Test
	void aDayWithOneMissingOneLateAndOneRejectedFileSaysExactlyThat() throws Exception {
		// given the sample days, where the ATM system sends the repayments of Friday 20
		// Nov only on Tuesday 24 Nov, none for the 24th, and a broken applications file
		Path inbox = copySamples();
		Path heldBack = this.work.resolve("repayment_20261120.csv");
		Files.move(inbox.resolve("2026-11-20/repayment_20261120.csv"), heldBack);
		Files.delete(inbox.resolve("2026-11-24/repayment_20261124.csv"));
		Path applications = inbox.resolve("2026-11-24/applications_20261124.csv");
		Files.writeString(applications, Files.readString(applications).replace("\nT,25,", "\nT,26,"));
		String url = TestDatabase.fresh();
		Cli cli = new Cli(url);
		String inboxOption = "--inbox=" + inbox + "/{date}";
		String outbox = "--outbox=" + this.work.resolve("out");

		// when Friday to Monday run, the file comes, and Tuesday runs
		Cli.Result weekend = cli.run("daily", "--business-date=2026-11-20", "--through=2026-11-23", inboxOption,
				outbox);
		assertThat(weekend.exitCode()).as(weekend.output()).isZero();
		Files.move(heldBack, inbox.resolve("2026-11-20/repayment_20261120.csv"));
		Cli.Result tuesday = cli.run("daily", "--business-date=2026-11-24", inboxOption, outbox);

		// then Friday's manifest says the repayment file is missing, and the weekend and
		// the holiday ask for nothing
		assertThat(manifest("20261120").get("attention")).asList()
			.containsExactly("repayment_20261120.csv is missing: it is expected on 2026-11-20 (business days). "
					+ "Ask its sender; the next run takes it in when it comes.");
		for (String day : List.of("20261121", "20261122", "20261123")) {
			assertThat(manifest(day).get("attention")).as(day).asList().isEmpty();
		}
		// and Tuesday stops at the rejected file (exit 3), after taking the late one in
		assertThat(tuesday.exitCode()).as(tuesday.output()).isEqualTo(3);
		Map<String, Object> manifest = manifest("20261124");
		assertThat(statuses(manifest)).containsExactly("syukujitsu.csv ACCEPTED on time",
				"accounts_20261124.csv NOT_EXPECTED on time", "cashflow_20261124.csv ACCEPTED on time",
				"repayment_20261124.csv MISSING on time", "watchlist_20261124.csv NOT_EXPECTED on time",
				"applications_20261124.csv REJECTED on time", "repayment_20261120.csv ACCEPTED late");
		assertThat(manifest.get("untaken")).asList().isEmpty();
		assertThat(manifest.get("attention")).asList()
			.containsExactly(
					"repayment_20261124.csv is missing: it is expected on 2026-11-24 (business days). "
							+ "Ask its sender; the next run takes it in when it comes.",
					"Incident: the sender put card numbers in cashflow_20261124.csv, line 2502. The lines were "
							+ "rejected and are kept masked only; tell the security officer and the sender.",
					"applications_20261124.csv was rejected (TRAILER_COUNT_MISMATCH): see report.import_reject and "
							+ "the outbox rejects/ folder, then ask its sender for a corrected file.");

		// and files says the same to an operator, with exit 3
		Cli.Result files = cli.run("files", "--business-date=2026-11-24", inboxOption, "--log-format=text");
		assertThat(files.exitCode()).as(files.output()).isEqualTo(3);
		assertThat(files.output()).contains("repayment_20261120.csv       ACCEPTED     (late)")
			.contains("repayment_20261124.csv       MISSING")
			.contains("ATTENTION: applications_20261124.csv was rejected");
		assertThat(cli.run("files", "--business-date=2026-11-22", inboxOption).exitCode()).isZero();
	}

	@Test
	void aFileNoRunTakesInIsListedWithWhy() throws Exception {
		// given the first sample day, a file dated before it and one of a later date
		Path inbox = copySamples();
		Files.createDirectories(inbox.resolve("2026-11-19"));
		Files.copy(inbox.resolve("2026-11-21/cashflow_20261121.csv"),
				inbox.resolve("2026-11-19/cashflow_20261119.csv"));
		String url = TestDatabase.fresh();
		Cli cli = new Cli(url);
		String inboxOption = "--inbox=" + inbox + "/{date}";
		assertThat(cli.run("daily", "--business-date=2026-11-20", inboxOption, "--outbox=" + this.work.resolve("out"))
			.exitCode()).isZero();

		// when
		Cli.Result files = cli.run("files", "--business-date=2026-11-20", inboxOption, "--log-format=text");

		// then the earlier file is for an operator to decide on, the later ones wait for
		// their run
		assertThat(files.exitCode()).as(files.output()).isEqualTo(3);
		assertThat(files.output()).contains(
				"ATTENTION: cashflow_20261119.csv is in the inbox but was not taken in: dated before 2026-11-20, the "
						+ "first date of this ledger: if it belongs, take it in with: run import-cash-flows --business-date=2026-11-19.")
			.contains(
					"cashflow_20261121.csv        NOT_TAKEN_IN dated after 2026-11-20: the run of 2026-11-21 takes it in")
			.doesNotContain("ATTENTION: cashflow_20261121.csv");
	}

	private Path copySamples() throws IOException {
		Path inbox = this.work.resolve("inbox");
		try (Stream<Path> files = Files.walk(SAMPLES)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Path target = inbox.resolve(SAMPLES.relativize(file).toString());
				Files.createDirectories(target.getParent());
				Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		return inbox;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> manifest(String day) throws IOException {
		Map<String, Object> report = new ObjectMapper()
			.readValue(this.work.resolve("out/reports/daily_" + day + ".json").toFile(), Map.class);
		return (Map<String, Object>) report.get("manifest");
	}

	@SuppressWarnings("unchecked")
	private static List<String> statuses(Map<String, Object> manifest) {
		return ((List<Map<String, Object>>) manifest.get("files")).stream()
			.map(f -> f.get("file") + " " + f.get("status") + " "
					+ (Boolean.TRUE.equals(f.get("late")) ? "late" : "on time"))
			.toList();
	}

}
