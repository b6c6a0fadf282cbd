package jp.settlementbatch.cli;

import picocli.CommandLine.Option;

/** The tolerance of the imports: run and daily. */
class RejectRatioOption {

	@Option(names = "--max-reject-ratio", defaultValue = "0.01",
			description = "Reject the whole file when more than this share of its lines is rejected. Default: ${DEFAULT-VALUE}.")
	double maxRejectRatio;

}
