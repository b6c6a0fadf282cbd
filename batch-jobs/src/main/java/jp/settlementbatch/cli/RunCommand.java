package jp.settlementbatch.cli;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;

import jp.settlementbatch.day.DayRun;
import jp.settlementbatch.day.Inbox;
import jp.settlementbatch.day.JobInputs;
import jp.settlementbatch.day.JobResult;
import jp.settlementbatch.support.batch.ExitCode;
import jp.settlementbatch.support.batch.JobRuns;
import jp.settlementbatch.support.batch.RunOutcome;
import jp.settlementbatch.support.config.RunParameters;
import jp.settlementbatch.support.config.Settings;
import jp.settlementbatch.support.files.FileStore;
import jp.settlementbatch.support.files.InputMissingException;
import jp.settlementbatch.support.progress.LogContext;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code settlement-batch run <job> --business-date=D ...}: one job, one business date.
 */
@Command(name = "run",
		description = "Run one job for a business date (resumes it if it failed, no-op if it completed).")
class RunCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "<job>", description = "One of: ${COMPLETION-CANDIDATES}",
			completionCandidates = Jobs.Names.class)
	String job;

	@Option(names = "--input", paramLabel = "URI",
			description = "The one input file (s3://bucket/key, file: URI or path).")
	String input;

	@Option(names = "--partition", paramLabel = "i/N", description = "Only the accounts of partition i of N (0-based).")
	String partition;

	@Option(names = "--partitions", defaultValue = "0", paramLabel = "N",
			description = "For plan-partitions: how many partitions to plan (default: SETTLEMENT_PARTITIONS, else 8).")
	int partitions;

	/** Lines (imports) or accounts (ledger jobs) per chunk; for tests. */
	@Option(names = "--chunk-size", hidden = true)
	Integer chunkSize;

	@Mixin
	DayOptions day;

	@Mixin
	ToleranceOptions tolerance;

	@Mixin
	CommonOptions common;

	@Override
	public Integer call() {
		LocalDate date = this.day.date();
		LogContext.command(this.job, date, this.partition);
		Jobs.requireKnown(this.job);
		Jobs.checkPartition(this.job, this.partition);
		if (!Jobs.PARTITIONED.contains(this.job)) { // the ledger jobs write nothing to
													// the outbox
			FileStore.requireWritableOutbox(this.day.outbox);
		}
		Settings settings = Settings.fromEnvironment();
		FileStore files = FileStore.of(settings);
		// an import from the inbox also takes in the late files of its kind, and knows
		// whether its file is expected today
		boolean fromInbox = this.input == null && this.day.inbox != null && DayRun.isImport(this.job);
		JobParameters parameters;
		InputMissingException missing = null;
		try {
			parameters = JobInputs.resolve(this.job,
					RunParameters.of(date, this.day.outbox, this.tolerance.maxRejectRatio)
						.withPartition(this.partition)
						.withPartitions(this.partitions),
					new JobInputs.Sources(this.input, this.day.inbox), files);
		}
		catch (InputMissingException absent) {
			if (!fromInbox) {
				throw absent;
			}
			parameters = null;
			missing = absent;
		}
		// the default chunks, as daily uses them: 50,000 lines, 10,000 accounts
		Map<String, Object> chunks = new java.util.HashMap<>(this.tolerance.properties());
		if (this.chunkSize != null) {
			chunks.put("settlement.chunk-size", this.chunkSize);
			chunks.put("settlement.intake.chunk-size", this.chunkSize);
		}
		JobParameters today = parameters;
		InputMissingException absentToday = missing;
		return Platform.run(this.common, this.job, recordedArguments(), chunks, platform -> {
			JobRuns runs = platform.bean(JobRuns.class);
			Job job = runs.job(this.job)
				.orElseThrow(
						() -> new IllegalArgumentException("Job " + this.job + " is not available in this version."));
			if (fromInbox) {
				DayRun day = new DayRun(runs, platform.bean(FileStore.class), platform.bean(JdbcTemplate.class));
				for (JobResult late : GracefulStop.around(platform, this.common.json(),
						() -> day.takeInLateFiles(this.job, date, new Inbox(files, this.day.inbox), this.day.outbox,
								this.tolerance.maxRejectRatio))) {
					Summary.print(platform, late.outcome(), this.common.json());
					if (late.exitCode(date) != 0) {
						return late.exitCode(date);
					}
				}
				if (absentToday != null) {
					if (day.expectedOn(this.job, date)) {
						throw new Inbox(files, this.day.inbox).explain(absentToday, this.job, date);
					}
					System.out.println(this.job + ": no file for " + date + ", and none is expected that date "
							+ "(jobs.json): nothing to do.");
					return ExitCode.COMPLETED.code();
				}
			}
			RunOutcome outcome = GracefulStop.around(platform, this.common.json(), () -> runs.run(job, today));
			return Summary.print(platform, outcome, this.common.json());
		});
	}

	private String[] recordedArguments() {
		return new String[] { "run", this.job, "--business-date=" + this.day.businessDate };
	}

}
