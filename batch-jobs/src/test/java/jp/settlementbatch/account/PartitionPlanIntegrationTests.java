package jp.settlementbatch.account;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jp.settlementbatch.support.testing.Cli;
import jp.settlementbatch.support.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PartitionPlanIntegrationTests {

	static final Path DAY1 = Path.of(System.getProperty("settlement.sample-files", "../sample-files"), "2026-11-20");

	@TempDir
	Path work;

	@Test
	void thePlanListsEveryPartitionWithItsAccounts() throws IOException {
		// given the 300 sample accounts, ids 1000000001 to 1000000300
		Cli cli = new Cli(TestDatabase.fresh());
		String outbox = "--outbox=" + this.work;
		assertThat(
				cli.run("run", "import-accounts", "--business-date=2026-11-20", "--inbox=" + DAY1, outbox).exitCode())
			.isZero();

		// when
		Cli.Result four = cli.run("run", "plan-partitions", "--business-date=2026-11-20", "--partitions=4", outbox);

		// then 300 consecutive ids fall 75 into each of 4 partitions, in the file and in
		// the run's summary (not as a raw line in the log stream)
		String expected = "[{\"partition\":\"0/4\",\"accounts\":75},{\"partition\":\"1/4\",\"accounts\":75},"
				+ "{\"partition\":\"2/4\",\"accounts\":75},{\"partition\":\"3/4\",\"accounts\":75}]";
		assertThat(four.exitCode()).as(four.output()).isZero();
		assertThat(Files.readString(this.work.resolve("plans/partitions_20261120.json"))).isEqualTo(expected);
		assertThat(four.output()).doesNotContain(expected)
			.contains("accounts per partition 0/4: 75, 1/4: 75, 2/4: 75, 3/4: 75");

		// and a plan of 3 is another plan of the same day: 100 each
		assertThat(cli.run("run", "plan-partitions", "--business-date=20261120", "--partitions=3", outbox).exitCode())
			.isZero();
		assertThat(Files.readString(this.work.resolve("plans/partitions_20261120.json")))
			.isEqualTo("[{\"partition\":\"0/3\",\"accounts\":100},{\"partition\":\"1/3\",\"accounts\":100},"
					+ "{\"partition\":\"2/3\",\"accounts\":100}]");
	}

}
