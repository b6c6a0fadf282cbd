package jp.settlementbatch.cli;

import jp.settlementbatch.support.batch.JobRuns;
import jp.settlementbatch.support.batch.RunOutcome;
import picocli.CommandLine.Command;

/**
 * {@code settlement-batch restart <executionId>}: resume a failed or stopped execution.
 */
@Command(name = "restart", description = "Resume a failed or stopped job execution from its last committed chunk.")
class RestartCommand extends ExecutionCommand {

	RestartCommand() {
		super("restart");
	}

	@Override
	RunOutcome act(Platform platform, JobRuns runs) throws Exception {
		return GracefulStop.around(platform, this.common.json(), () -> runs.restart(this.executionId));
	}

}
