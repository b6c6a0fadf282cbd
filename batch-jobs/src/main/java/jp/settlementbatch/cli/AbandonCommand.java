package jp.settlementbatch.cli;

import jp.settlementbatch.support.batch.JobRuns;
import jp.settlementbatch.support.batch.RunOutcome;
import picocli.CommandLine.Command;

/** {@code settlement-batch abandon <executionId>}: never resume this execution. */
@Command(name = "abandon",
		description = "Mark a failed or stopped execution as never to be resumed (its partly imported file is"
				+ " discarded, and the same file may be imported afresh).")
class AbandonCommand extends ExecutionCommand {

	AbandonCommand() {
		super("abandon");
	}

	@Override
	RunOutcome act(Platform platform, JobRuns runs) {
		return runs.abandon(this.executionId, Operator.who());
	}

}
