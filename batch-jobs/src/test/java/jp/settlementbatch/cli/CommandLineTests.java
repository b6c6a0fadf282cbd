package jp.settlementbatch.cli;

import jp.settlementbatch.support.testing.Cli;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line's own answers, before any database is involved. */
class CommandLineTests {

	private final Cli cli = Cli.asGiven();

	@Test
	void everyCommandHasHelpAndTheExitCodesAreListed() {
		Cli.Result root = this.cli.run("--help");
		assertThat(root.exitCode()).isZero();
		assertThat(root.output()).contains("run", "daily", "executions", "restart", "abandon", "demo", "bench")
			.contains("3   input rejected as a whole");
		Cli.Result run = this.cli.run("run", "--help");
		assertThat(run.exitCode()).isZero();
		assertThat(run.output()).contains("--business-date", "--inbox", "--outbox", "--partition",
				"--max-reject-ratio");
	}

	@Test
	void mistakesAreUsageErrorsThatSayWhatToDo() {
		Cli.Result unknownCommand = this.cli.run("frobnicate");
		assertThat(unknownCommand.exitCode()).isEqualTo(2);
		Cli.Result missingDate = this.cli.run("run", "import-cash-flows");
		assertThat(missingDate.exitCode()).isEqualTo(2);
		assertThat(missingDate.output()).contains("--business-date").contains("Try: settlement-batch run --help");
		Cli.Result badPartition = this.cli.run("run", "update-statements", "--business-date=2026-11-20",
				"--partition=4/4");
		assertThat(badPartition.exitCode()).isEqualTo(2);
		assertThat(badPartition.output()).contains("--partition must be i/N with 0 <= i < N");
		Cli.Result noInbox = this.cli.run("run", "import-cash-flows", "--business-date=2026-11-20");
		assertThat(noInbox.exitCode()).isEqualTo(2);
		assertThat(noInbox.output()).contains("--inbox");
	}

	@Test
	void anUnreachableDatabaseIsOneClearLineAndExitOne() {
		Cli.Result down = this.cli.run("run", "import-accounts", "--business-date=2026-11-20",
				"--inbox=" + System.getProperty("settlement.sample-files", "../sample-files") + "/2026-11-20",
				"--db-url=jdbc:postgresql://127.0.0.1:1/settlement?user=batch", "--log-format=text");
		assertThat(down.exitCode()).isEqualTo(1);
		assertThat(down.output()).contains("The database is not reachable")
			.contains("then run the same command again")
			.doesNotContain("\tat ");
	}

	@Test
	void businessDatesComeInBothForms() {
		assertThat(Jobs.businessDate("2026-11-20")).isEqualTo(Jobs.businessDate("20261120"));
	}

	@Test
	void aMissingPasswordRegionOrCredentialsIsConfigurationNotAnOutage() {
		// what the driver and the SDK say, as they say it
		Throwable password = new IllegalStateException("start failed",
				new org.postgresql.util.PSQLException(
						"The server requested SCRAM-based authentication, but no password was provided.",
						org.postgresql.util.PSQLState.CONNECTION_REJECTED));
		Throwable region = software.amazon.awssdk.core.exception.SdkClientException
			.create("Unable to load region from any of the providers in the chain");
		Throwable credentials = software.amazon.awssdk.core.exception.SdkClientException
			.create("Unable to load credentials from any of the providers in the chain");

		assertThat(SettlementBatchCommand.exitCodeOf(password)).isEqualTo(2);
		assertThat(SettlementBatchCommand.message(password)).contains("SPRING_DATASOURCE_PASSWORD");
		assertThat(SettlementBatchCommand.exitCodeOf(region)).isEqualTo(2);
		assertThat(SettlementBatchCommand.message(region)).contains("Set AWS_REGION");
		assertThat(SettlementBatchCommand.exitCodeOf(credentials)).isEqualTo(2);
		assertThat(SettlementBatchCommand.message(credentials)).contains("give the task a role");
		// an unreachable store stays an outage
		assertThat(SettlementBatchCommand.exitCodeOf(
				software.amazon.awssdk.core.exception.SdkClientException.create("Unable to execute HTTP request")))
			.isEqualTo(1);
	}

}
