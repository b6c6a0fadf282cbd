package jp.settlementbatch.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The tolerance of the imports: run and daily. Checked before anything runs: a verdict is
 * never recorded under a tolerance that means nothing.
 */
class RejectRatioOption {

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

}
