package jp.settlementbatch.support.intake;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.settlementbatch.support.batch.ExitCode;
import jp.settlementbatch.support.batch.RunInputs;
import jp.settlementbatch.support.batch.RunOutcome;
import jp.settlementbatch.support.config.RunParameters;
import jp.settlementbatch.support.files.FileStore;
import jp.settlementbatch.support.files.StoredObject;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The files a run is pinned to (their SHA-256 identifying, {@link IntakeInput}): a
 * re-opened file makes a new job instance, a replaced file is refused until an operator
 * decides, the same bytes under another object version are re-pinned.
 */
public class PinnedInputs implements RunInputs {

	private static final List<String> PREFIXES = List.of(IntakeInput.INPUT, IntakeInput.WATCHLIST);

	private final JdbcTemplate jdbc;

	private final JobRepository jobRepository;

	private final FileStore files;

	private final ImportFiles importFiles;

	private final FileReopenings reopenings;

	public PinnedInputs(JdbcTemplate jdbc, JobRepository jobRepository, FileStore files) {
		this.jdbc = jdbc;
		this.jobRepository = jobRepository;
		this.files = files;
		this.importFiles = new ImportFiles(jdbc);
		this.reopenings = new FileReopenings(jdbc);
	}

	/**
	 * The parameters with how many times each input was re-opened (retake, or an
	 * abandoned import), as identifying: the same bytes then make a new job instance.
	 */
	@Override
	public JobParameters identify(JobParameters parameters) {
		LocalDate businessDate = RunParameters.of(parameters).businessDate();
		JobParametersBuilder builder = null;
		for (String prefix : PREFIXES) {
			Optional<IntakeInput> input = IntakeInput.from(parameters, prefix);
			long reopened = (input.isEmpty() || businessDate == null) ? 0
					: this.reopenings.count(input.get().sha256(), businessDate);
			if (reopened > 0) {
				builder = (builder != null) ? builder : new JobParametersBuilder(parameters);
				IntakeInput.addReopened(builder, prefix, reopened);
			}
		}
		return builder == null ? parameters : builder.toJobParameters();
	}

	/**
	 * An import whose input was replaced after a failed attempt must not start afresh
	 * beside the unfinished one: the operator decides (abandon the old run, or restore
	 * the original file).
	 */
	@Override
	public Optional<RunOutcome> refuseReplaced(String jobName, JobParameters parameters) {
		LocalDate businessDate = RunParameters.of(parameters).businessDate();
		Optional<IntakeInput> input = IntakeInput.from(parameters, IntakeInput.INPUT);
		if (businessDate == null || input.isEmpty()) {
			return Optional.empty();
		}
		// One query over the metadata, not a walk through every instance the job ever
		// had.
		List<Long> unfinished = this.jdbc.queryForList(
				"""
						SELECT e.job_execution_id
						FROM batch.batch_job_execution e
						JOIN batch.batch_job_instance i ON i.job_instance_id = e.job_instance_id
						WHERE i.job_name = ? AND e.status NOT IN ('COMPLETED', 'ABANDONED')
						  AND e.job_execution_id = (SELECT max(l.job_execution_id) FROM batch.batch_job_execution l
						                            WHERE l.job_instance_id = e.job_instance_id)
						  AND EXISTS (SELECT 1 FROM batch.batch_job_execution_params p WHERE p.job_execution_id = e.job_execution_id
						              AND p.parameter_name = ? AND p.parameter_value = ?)
						  AND EXISTS (SELECT 1 FROM batch.batch_job_execution_params p WHERE p.job_execution_id = e.job_execution_id
						              AND p.parameter_name = ? AND p.parameter_value = ?)
						ORDER BY e.job_execution_id DESC LIMIT 1
						""",
				Long.class, jobName, RunParameters.BUSINESS_DATE, businessDate.toString(),
				IntakeInput.nameKey(IntakeInput.INPUT), input.get().object().name());
		if (unfinished.isEmpty()) {
			return Optional.empty();
		}
		JobExecution last = this.jobRepository.getJobExecution(unfinished.get(0));
		String before = IntakeInput.from(last.getJobParameters(), IntakeInput.INPUT)
			.map(IntakeInput::sha256)
			.orElse(null);
		return Optional.of(new RunOutcome(ExitCode.INPUT_REJECTED, input.get().object().name()
				+ " changed since execution " + last.getId() + " started on it (SHA-256 " + abbreviate(before)
				+ " is now " + abbreviate(input.get().sha256())
				+ "). The runs will not be mixed: restore the original object to resume, or run 'settlement-batch abandon "
				+ last.getId() + "' and then import the new file.", last));
	}

	/**
	 * The inputs a run is pinned to, as they are now: an object replaced by other bytes
	 * (or gone) is refused; the same bytes under another version (delivered again, its
	 * time changed) are re-pinned, for the identity of a file is its content.
	 */
	@Override
	public Recheck recheck(JobParameters parameters) {
		JobParametersBuilder repinned = null;
		for (String prefix : PREFIXES) {
			Optional<IntakeInput> pinned = IntakeInput.from(parameters, prefix);
			if (pinned.isEmpty()) {
				continue;
			}
			StoredObject expected = pinned.get().object();
			Optional<StoredObject> now = this.files.stat(expected.uri());
			if (now.isEmpty()) {
				return new Recheck(expected.name() + " is no longer at " + expected.uri() + ".", null);
			}
			if (!now.get().version().equals(expected.version())) {
				try {
					String sha = this.files.sha256(now.get());
					if (!sha.equals(pinned.get().sha256())) {
						return new Recheck(
								expected.name() + " was replaced since the run started (SHA-256 "
										+ abbreviate(pinned.get().sha256()) + " is now " + abbreviate(sha) + ").",
								null);
					}
				}
				catch (IOException ex) {
					return new Recheck(expected.name() + " cannot be read: " + ex.getMessage(), null);
				}
				repinned = (repinned != null) ? repinned : new JobParametersBuilder(parameters);
				new IntakeInput(now.get(), pinned.get().sha256()).addTo(repinned, prefix);
			}
		}
		return repinned == null ? Recheck.UNCHANGED : new Recheck(null, repinned.toJobParameters());
	}

	/**
	 * The files the instance was loading are discarded; the same bytes may come again,
	 * and their next import is a run of its own.
	 */
	@Override
	public void abandoned(long jobInstanceId, String why, String who) {
		List<ImportFiles.ImportFile> files = this.importFiles.ofJobInstance(jobInstanceId);
		files.stream().filter(ImportFiles.ImportFile::loading).forEach(file -> this.importFiles.abandon(file.fileId()));
		files.forEach(file -> this.reopenings.reopen(file, why, who));
	}

	static String abbreviate(String sha) {
		return sha == null || sha.length() < 12 ? String.valueOf(sha) : sha.substring(0, 12) + "…";
	}

}
