package jp.settlementbatch.support.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line's own answers, before any database is involved. */
class CommandLineTests {

	@Test
	void everyCommandHasHelpAndTheExitCodesAreListed() {
		Output root = run("--help");
		assertThat(root.code).isZero();
		assertThat(root.text).contains("run", "daily", "executions", "restart", "abandon", "demo", "bench")
			.contains("3   input rejected as a whole");
		Output run = run("run", "--help");
		assertThat(run.code).isZero();
		assertThat(run.text).contains("--business-date", "--inbox", "--outbox", "--partition", "--max-reject-ratio");
	}

	@Test
	void mistakesAreUsageErrorsThatSayWhatToDo() {
		Output unknownCommand = run("frobnicate");
		assertThat(unknownCommand.code).isEqualTo(2);
		Output missingDate = run("run", "import-cash-flows");
		assertThat(missingDate.code).isEqualTo(2);
		assertThat(missingDate.text).contains("--business-date").contains("Try: settlement-batch run --help");
		Output badPartition = run("run", "update-statements", "--business-date=2026-11-20", "--partition=4/4");
		assertThat(badPartition.code).isEqualTo(2);
		assertThat(badPartition.text).contains("--partition must be i/N with 0 <= i < N");
		Output noInbox = run("run", "import-cash-flows", "--business-date=2026-11-20");
		assertThat(noInbox.code).isEqualTo(2);
		assertThat(noInbox.text).contains("--inbox");
	}

	@Test
	void anUnreachableDatabaseIsOneClearLineAndExitOne() {
		Output down = run("run", "import-accounts", "--business-date=2026-11-20",
				"--inbox=" + System.getProperty("settlement.sample-files", "../sample-files") + "/2026-11-20",
				"--db-url=jdbc:postgresql://127.0.0.1:1/settlement?user=batch", "--log-format=text");
		assertThat(down.code).isEqualTo(1);
		assertThat(down.text).contains("The database is not reachable")
			.contains("then run the same command again")
			.doesNotContain("\tat ");
	}

	@Test
	void businessDatesComeInBothForms() {
		assertThat(Jobs.businessDate("2026-11-20")).isEqualTo(Jobs.businessDate("20261120"));
	}

	private record Output(int code, String text) {
	}

	private static Output run(String... args) {
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		PrintStream out = System.out;
		PrintStream err = System.err;
		PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
		System.setOut(both);
		System.setErr(both);
		try {
			return new Output(SettlementBatchCommand.execute(args), captured.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setOut(out);
			System.setErr(err);
		}
	}

}
