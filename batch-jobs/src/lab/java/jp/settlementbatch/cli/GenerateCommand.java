package jp.settlementbatch.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import jp.settlementbatch.bench.SyntheticDay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code settlement-batch generate}: a deterministic synthetic day, for tests, demos and
 * the benchmark.
 */
@Command(name = "generate", description = "Write a deterministic synthetic day of inbound files into a folder.")
public class GenerateCommand implements Callable<Integer>, DeveloperCommand {

	@Option(names = "--business-date", required = true, paramLabel = "YYYY-MM-DD")
	String businessDate;

	@Option(names = "--out", required = true, paramLabel = "DIR")
	Path out;

	@Mixin
	SyntheticDayOptions size;

	@Option(names = "--seed", defaultValue = "20261120")
	long seed;

	@Override
	public Integer call() throws Exception {
		new SyntheticDay(Jobs.businessDate(this.businessDate), this.size.accounts, this.seed).writeAll(this.out,
				this.size.cashFlows, this.size.repayments, this.size.applications, this.size.watchlist);
		System.out.println("Wrote the synthetic day " + this.businessDate + " to " + this.out);
		return 0;
	}

}
