package jp.settlementbatch.support.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import jp.settlementbatch.support.batch.ExitCode;
import jp.settlementbatch.support.batch.JobRuns;
import jp.settlementbatch.support.batch.RunOutcome;
import jp.settlementbatch.support.files.FileStore;
import jp.settlementbatch.support.files.InputMissingException;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * The jobs of one business date in the order of the daily workflow, in one process:
 * imports whose file is absent are skipped (the cash-flow file is required), jobs this
 * version does not have yet are skipped, and the run stops at the first job that does not
 * complete.
 */
final class DayRun {

	record JobResult(String job, RunOutcome outcome, boolean skipped, String note) {

	}

	/**
	 * The one import whose file must be there (files.md); the others are skipped when
	 * absent.
	 */
	private static final String REQUIRED = "import-cash-flows";

	private final JobRuns runs;

	private final FileStore files;

	DayRun(JobRuns runs, FileStore files) {
		this.runs = runs;
		this.files = files;
	}

	List<JobResult> run(LocalDate businessDate, String inbox, String outbox, double maxRejectRatio) {
		return run(businessDate, inbox, outbox, maxRejectRatio, 0);
	}

	/**
	 * @param partitions run each partitioned job once per partition of this many (0: not
	 * partitioned)
	 */
	List<JobResult> run(LocalDate businessDate, String inbox, String outbox, double maxRejectRatio, int partitions) {
		List<JobResult> results = new ArrayList<>();
		JobInputs.Sources sources = new JobInputs.Sources(null, inbox.replace("{date}", businessDate.toString()));
		for (String name : Jobs.DAILY_ORDER) {
			Job job = this.runs.job(name).orElse(null);
			if (job == null) {
				results.add(new JobResult(name, null, true, "not in this version"));
				continue;
			}
			List<String> slices = partitions > 0 && Jobs.PARTITIONED.contains(name)
					? IntStream.range(0, partitions).mapToObj(i -> i + "/" + partitions).toList()
					: Collections.singletonList(null);
			for (String partition : slices) {
				JobParameters parameters;
				try {
					parameters = JobInputs.resolve(name, businessDate, sources, outbox, partition, partitions,
							maxRejectRatio, this.files);
				}
				catch (InputMissingException absent) {
					if (REQUIRED.equals(name)) {
						throw absent;
					}
					results.add(new JobResult(name, null, true, "no file today"));
					break;
				}
				RunOutcome outcome = this.runs.run(job, parameters);
				results.add(new JobResult(partition == null ? name : name + " " + partition, outcome, false,
						outcome.message()));
				if (outcome.exitCode() != ExitCode.COMPLETED) {
					return results;
				}
			}
		}
		return results;
	}

}
