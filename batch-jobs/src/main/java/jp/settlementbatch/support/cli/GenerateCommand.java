package jp.settlementbatch.support.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import jp.settlementbatch.bench.SyntheticDay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code settlement-batch generate}: a deterministic synthetic day, for tests, demos and
 * the benchmark.
 */
@Command(name = "generate", description = "Write a deterministic synthetic day of inbound files into a folder.")
class GenerateCommand implements Callable<Integer> {

	@Option(names = "--business-date", required = true, paramLabel = "YYYY-MM-DD")
	String businessDate;

	@Option(names = "--out", required = true, paramLabel = "DIR")
	Path out;

	@Option(names = "--accounts", defaultValue = "100000")
	int accounts;

	@Option(names = "--cash-flows", defaultValue = "1000000")
	long cashFlows;

	@Option(names = "--repayments", defaultValue = "50000")
	int repayments;

	@Option(names = "--applications", defaultValue = "5000")
	int applications;

	@Option(names = "--watchlist", defaultValue = "500")
	int watchlist;

	@Option(names = "--seed", defaultValue = "20261120")
	long seed;

	@Override
	public Integer call() throws Exception {
		new SyntheticDay(Jobs.businessDate(this.businessDate), this.accounts, this.seed).writeAll(this.out,
				this.cashFlows, this.repayments, this.applications, this.watchlist);
		System.out.println("Wrote the synthetic day " + this.businessDate + " to " + this.out);
		return 0;
	}

}
