package jp.settlementbatch.day;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import jp.settlementbatch.calendar.Holidays;
import jp.settlementbatch.support.batch.ExitCode;
import jp.settlementbatch.support.batch.JobRuns;
import jp.settlementbatch.support.batch.RunOutcome;
import jp.settlementbatch.support.config.RunParameters;
import jp.settlementbatch.support.files.FileStore;
import jp.settlementbatch.support.files.InputMissingException;
import jp.settlementbatch.support.intake.InboundFile;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The jobs of one run date in the order of the daily workflow ({@link DailyWorkflow}), in
 * one process. Each import first takes in the late files of its kind (files of earlier
 * dates the inbox holds and no run took in: {@link TakenIn}), each as a run of its own
 * date, then the file of the run date. An absent file is skipped, except the required one
 * on a date it is expected (exit 4). The run stops at the first job of the run date that
 * does not complete; a late file that is rejected does not stop it (the manifest reports
 * it).
 */
public final class DayRun {

	private final JobRuns runs;

	private final FileStore files;

	private final JdbcTemplate jdbc;

	private final DailyWorkflow workflow = DailyWorkflow.defined();

	public DayRun(JobRuns runs, FileStore files, JdbcTemplate jdbc) {
		this.runs = runs;
		this.files = files;
		this.jdbc = jdbc;
	}

	/**
	 * @param partitions run each partitioned job once per partition of this many (0: not
	 * partitioned)
	 */
	public List<JobResult> run(LocalDate runDate, String inbox, String outbox, double maxRejectRatio, int partitions) {
		List<JobResult> results = new ArrayList<>();
		run(runDate, inbox, outbox, maxRejectRatio, partitions, results::add);
		return results;
	}

	/**
	 * As above, telling {@code finished} each job's result as it ends; a required file
	 * missing is told (exit 4) before it is thrown.
	 */
	public void run(LocalDate runDate, String inbox, String outbox, double maxRejectRatio, int partitions,
			Consumer<JobResult> finished) {
		Inbox box = new Inbox(this.files, inbox);
		for (String name : this.workflow.order()) {
			Job job = this.runs.job(name).orElse(null);
			if (job == null) {
				finished.accept(new JobResult(name, runDate, null, true, "not in this version"));
				continue;
			}
			if (isImport(name)) {
				for (JobResult late : takeInLateFiles(name, runDate, box, outbox, maxRejectRatio)) {
					finished.accept(late);
					if (late.exitCode(runDate) != 0) {
						return;
					}
				}
			}
			List<String> slices = partitions > 0 && this.workflow.partitioned().contains(name)
					? IntStream.range(0, partitions).mapToObj(i -> i + "/" + partitions).toList()
					: Collections.singletonList(null);
			for (String partition : slices) {
				JobParameters parameters;
				try {
					parameters = JobInputs.resolve(name,
							RunParameters.of(runDate, outbox, maxRejectRatio)
								.withPartition(partition)
								.withPartitions(partitions),
							new JobInputs.Sources(null, box.folder(runDate)), this.files);
				}
				catch (InputMissingException absent) {
					if (this.workflow.required(name) && expectedOn(name, runDate)) {
						InputMissingException explained = box.explain(absent, name, runDate);
						finished.accept(new JobResult(name, runDate,
								RunOutcome.of(ExitCode.INPUT_MISSING, explained.getMessage()), false,
								explained.getMessage()));
						throw explained;
					}
					finished.accept(new JobResult(name, runDate, null, true,
							expectedOn(name, runDate) ? "no file today" : "not expected today"));
					break;
				}
				RunOutcome outcome = this.runs.run(job, parameters);
				finished.accept(new JobResult(partition == null ? name : name + " " + partition, runDate, outcome,
						false, outcome.message()));
				if (outcome.exitCode() != ExitCode.COMPLETED) {
					return;
				}
			}
		}
	}

	/** What a run date did: its jobs, and the manifest of its files. */
	public record Reported(List<JobResult> results, Manifest manifest) {

	}

	/**
	 * {@link #run} the date, then write {@code <outbox>/reports/daily_YYYYMMDD.json} with
	 * the jobs and the file manifest.
	 */
	public Reported runAndReport(LocalDate runDate, String inbox, String outbox, double maxRejectRatio, int partitions)
			throws IOException {
		return runAndReport(runDate, inbox, outbox, maxRejectRatio, partitions, result -> {
		});
	}

	/**
	 * As above, telling {@code finished} each job's result as it ends. The report is
	 * written whatever happens (a job that fails or is rejected, a required file missing,
	 * an error of the run itself), then the run's failure, if any, is thrown.
	 */
	public Reported runAndReport(LocalDate runDate, String inbox, String outbox, double maxRejectRatio, int partitions,
			Consumer<JobResult> finished) throws IOException {
		List<JobResult> results = new ArrayList<>();
		try {
			run(runDate, inbox, outbox, maxRejectRatio, partitions, result -> {
				results.add(result);
				finished.accept(result);
			});
		}
		catch (RuntimeException failure) {
			if (!(failure instanceof InputMissingException)) {
				results.add(new JobResult("daily", runDate,
						RunOutcome.of(ExitCode.FAILED, String.valueOf(failure.getMessage())), false,
						String.valueOf(failure.getMessage())));
			}
			try {
				report(runDate, inbox, outbox, results);
			}
			catch (RuntimeException | IOException reportFailed) {
				failure.addSuppressed(reportFailed);
			}
			throw failure;
		}
		return new Reported(results, report(runDate, inbox, outbox, results));
	}

	private Manifest report(LocalDate runDate, String inbox, String outbox, List<JobResult> results)
			throws IOException {
		Manifest manifest = Manifest.of(this.jdbc, new Inbox(this.files, inbox), runDate);
		DayReport.write(this.files, this.jdbc, outbox, runDate, results, manifest);
		return manifest;
	}

	/**
	 * Runs {@code job} for every earlier date whose file of its kind is in the inbox and
	 * was never taken in, oldest first ({@link TakenIn#late}).
	 */
	public List<JobResult> takeInLateFiles(String job, LocalDate runDate, Inbox inbox, String outbox,
			double maxRejectRatio) {
		List<JobResult> results = new ArrayList<>();
		Job batchJob = this.runs.job(job).orElseThrow();
		for (LocalDate date : new TakenIn(this.jdbc, inbox).late(job, runDate)) {
			JobParameters parameters = JobInputs.resolve(job,
					RunParameters.of(date, outbox, maxRejectRatio).withRunDate(runDate),
					new JobInputs.Sources(null, inbox.folder(date)), this.files);
			RunOutcome outcome = this.runs.run(batchJob, parameters);
			JobResult result = new JobResult(job, date, outcome, false,
					"late file of " + date + ": " + outcome.message());
			results.add(result);
			if (result.exitCode(runDate) != 0) {
				break;
			}
		}
		return results;
	}

	/** Whether the file of import {@code job} is expected on {@code date}. */
	public boolean expectedOn(String job, LocalDate date) {
		Set<LocalDate> holidays = Holidays.of(this.jdbc);
		return InboundFile.of(job).stream().anyMatch(file -> this.workflow.expected(file).includes(date, holidays));
	}

	/**
	 * The next run date after {@code date}, up to {@code through}, by the run-date rule
	 * and the holidays imported so far; null when there is none.
	 */
	public LocalDate nextRunDate(LocalDate date, LocalDate through) {
		return this.workflow.nextRunDate(date, through, Holidays.of(this.jdbc));
	}

	public static boolean isImport(String job) {
		return InboundFile.of(job).stream().anyMatch(InboundFile::dated);
	}

}
