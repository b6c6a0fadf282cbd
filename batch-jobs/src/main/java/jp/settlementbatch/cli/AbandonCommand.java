package jp.settlementbatch.cli;

import java.util.concurrent.Callable;

import jp.settlementbatch.support.batch.JobRuns;
import jp.settlementbatch.support.batch.RunOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code settlement-batch abandon <executionId>}: never resume this execution. */
@Command(name = "abandon",
		description = "Mark a failed or stopped execution as never to be resumed (its partly imported file is discarded).")
class AbandonCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "<executionId>")
	long executionId;

	@Mixin
	CommonOptions common;

	@Override
	public Integer call() {
		return Platform.run(this.common, "abandon", new String[] { "abandon", String.valueOf(this.executionId) },
				java.util.Map.of(), platform -> {
					RunOutcome outcome = platform.bean(JobRuns.class).abandon(this.executionId);
					Summary.print(platform, outcome, this.common.json());
					return outcome.exitCode().code();
				});
	}

}
