package jp.settlementbatch.cli;

import java.util.Map;
import java.util.concurrent.Callable;

import jp.settlementbatch.support.batch.JobRuns;
import jp.settlementbatch.support.batch.RunOutcome;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * A command on one job execution ({@code restart}, {@code abandon}): what it does to the
 * execution, then the usual summary and exit code.
 */
abstract class ExecutionCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "<executionId>")
	long executionId;

	@Mixin
	CommonOptions common;

	private final String name;

	ExecutionCommand(String name) {
		this.name = name;
	}

	abstract RunOutcome act(Platform platform, JobRuns runs) throws Exception;

	@Override
	public Integer call() {
		return Platform.run(this.common, this.name, new String[] { this.name, String.valueOf(this.executionId) },
				Map.of(), platform -> {
					RunOutcome outcome = act(platform, platform.bean(JobRuns.class));
					return Summary.print(platform, outcome, this.common.json());
				});
	}

}
