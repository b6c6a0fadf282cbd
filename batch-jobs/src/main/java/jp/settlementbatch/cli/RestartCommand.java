package jp.settlementbatch.cli;

import java.util.concurrent.Callable;

import jp.settlementbatch.support.batch.JobRuns;
import jp.settlementbatch.support.batch.RunOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code settlement-batch restart <executionId>}: resume a failed or stopped execution.
 */
@Command(name = "restart", description = "Resume a failed or stopped job execution from its last committed chunk.")
class RestartCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "<executionId>")
	long executionId;

	@Mixin
	CommonOptions common;

	@Override
	public Integer call() {
		return Platform.run(this.common, "restart", new String[] { "restart", String.valueOf(this.executionId) },
				java.util.Map.of(), platform -> {
					JobRuns runs = platform.bean(JobRuns.class);
					RunOutcome outcome = GracefulStop.around(platform, this.common.json(),
							() -> runs.restart(this.executionId));
					Summary.print(platform, outcome, this.common.json());
					return outcome.exitCode().code();
				});
	}

}
