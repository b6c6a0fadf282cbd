package jp.settlementbatch.cli;

import java.util.Map;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The tolerances of a run (run and daily): the share of rejected lines a file may have,
 * and the days a line may wait for its account. Checked before anything runs: a verdict
 * is never recorded under a tolerance that means nothing.
 */
class ToleranceOptions {

	@Spec(Spec.Target.MIXEE)
	CommandSpec spec;

	double maxRejectRatio = 0.01;

	@Option(names = "--max-reject-ratio", defaultValue = "0.01",
			description = "Reject the whole file when more than this share of its lines is rejected, from 0 to 1."
					+ " Default: ${DEFAULT-VALUE}.")
	void maxRejectRatio(double ratio) {
		if (!(ratio >= 0 && ratio <= 1)) {
			throw new ParameterException(this.spec.commandLine(),
					"--max-reject-ratio must be a share from 0 to 1 (0.01 is 1%), not " + ratio + ".");
		}
		this.maxRejectRatio = ratio;
	}

	int pendingDays = 5;

	@Option(names = "--pending-days", defaultValue = "5", paramLabel = "N",
			description = "Turn a line away as UNKNOWN_ACCOUNT when its account has not come into the card master"
					+ " after this many days. Default: ${DEFAULT-VALUE}.")
	void pendingDays(int days) {
		if (days < 0) {
			throw new ParameterException(this.spec.commandLine(),
					"--pending-days must be 0 or more, not " + days + ".");
		}
		this.pendingDays = days;
	}

	/** The properties the jobs read them as. */
	Map<String, Object> properties() {
		return Map.of("settlement.pending-days", this.pendingDays);
	}

}
