package jp.settlementbatch.cli;

import picocli.CommandLine.Option;

/** The sizes of a synthetic day (quality.md's benchmark day by default). */
class SyntheticDayOptions {

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

}
