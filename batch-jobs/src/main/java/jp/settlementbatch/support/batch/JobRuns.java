package jp.settlementbatch.support.batch;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jp.settlementbatch.support.csv.PanGuard;
import jp.settlementbatch.support.files.FileStore;
import jp.settlementbatch.support.files.StoredObject;
import jp.settlementbatch.support.intake.FileReopenings;
import jp.settlementbatch.support.intake.ImportFiles;
import jp.settlementbatch.support.intake.IntakeInput;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Starts, resumes and recovers job instances, one process at a time per instance.
 *
 * <ul>
 * <li>never run: started;</li>
 * <li>COMPLETED: a no-op, answered with the outcome it had (0, or 3 for a rejected
 * file);</li>
 * <li>FAILED or STOPPED: restarted from its last committed chunk;</li>
 * <li>STARTED (or STARTING, STOPPING, UNKNOWN) while its lock is free: the process that
 * ran it is dead, so the execution is recovered ({@link JobOperator#recover}) and
 * restarted;</li>
 * <li>ABANDONED: refused, an operator decided it must not be resumed.</li>
 * </ul>
 */
public class JobRuns {

	private static final Logger log = LoggerFactory.getLogger(JobRuns.class);

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final JobRegistry jobRegistry;

	private final DataSource dataSource;

	private final ImportFiles importFiles;

	private final FileReopenings reopenings;

	private final FileStore files;

	public JobRuns(JobOperator jobOperator, JobRepository jobRepository, JobRegistry jobRegistry, DataSource dataSource,
			FileStore files) {
		this.files = files;
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.jobRegistry = jobRegistry;
		this.dataSource = dataSource;
		this.importFiles = new ImportFiles(new JdbcTemplate(dataSource));
		this.reopenings = new FileReopenings(new JdbcTemplate(dataSource));
	}

	public Optional<Job> job(String name) {
		return Optional.ofNullable(this.jobRegistry.getJob(name));
	}

	public RunOutcome run(Job job, JobParameters given) {
		JobParameters parameters = withReopenings(given);
		String key = lockKey(job.getName(), parameters);
		try (InstanceLock lock = InstanceLock.tryAcquire(this.dataSource, key)) {
			if (!lock.acquired()) {
				return alreadyRunning(job.getName(), parameters);
			}
			JobExecution last = this.jobRepository.getLastJobExecution(job.getName(), parameters);
			if (last == null) {
				Optional<RunOutcome> replaced = refuseReplacedInput(job.getName(), parameters);
				if (replaced.isPresent()) {
					return replaced.get();
				}
				return finished(launch(() -> this.jobOperator.start(job, parameters)), false);
			}
			return resume(last);
		}
		catch (SQLException ex) {
			return RunOutcome.of(ExitCode.FAILED, "The database did not answer: " + ex.getMessage());
		}
	}

	/**
	 * Whether a process holds the lock of the execution's job instance: a STARTED
	 * execution whose lock is free has no process left (killed, a lost task), and the
	 * next run or restart recovers it. Reads {@code pg_locks} and takes no lock itself.
	 */
	public boolean alive(long executionId) {
		JobExecution execution = execution(executionId);
		if (execution == null) {
			return false;
		}
		String key = lockKey(execution.getJobInstance().getJobName(), execution.getJobParameters());
		Boolean held = new org.springframework.jdbc.core.JdbcTemplate(this.dataSource).queryForObject("""
				SELECT EXISTS (SELECT 1 FROM pg_locks l
				               WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
				                 AND l.classid::bigint = ((h.k >> 32) & 4294967295)
				                 AND l.objid::bigint = (h.k & 4294967295))
				FROM (SELECT hashtextextended(?, 0) AS k) h""", Boolean.class, key);
		return Boolean.TRUE.equals(held);
	}

	/**
	 * The operator's restart of an execution (its instance's latest execution is
	 * resumed).
	 */
	public RunOutcome restart(long executionId) {
		JobExecution execution = execution(executionId);
		if (execution == null) {
			return RunOutcome.of(ExitCode.USAGE,
					"There is no job execution " + executionId + ". List them with: settlement-batch executions");
		}
		String jobName = execution.getJobInstance().getJobName();
		if (job(jobName).isEmpty()) {
			return RunOutcome.of(ExitCode.USAGE,
					"Execution " + executionId + " belongs to job " + jobName + ", which this version does not know.");
		}
		try (InstanceLock lock = InstanceLock.tryAcquire(this.dataSource,
				lockKey(jobName, execution.getJobParameters()))) {
			if (!lock.acquired()) {
				return alreadyRunning(jobName, execution.getJobParameters());
			}
			JobExecution last = this.jobRepository.getLastJobExecution(execution.getJobInstance());
			return resume(last);
		}
		catch (SQLException ex) {
			return RunOutcome.of(ExitCode.FAILED, "The database did not answer: " + ex.getMessage());
		}
	}

	/**
	 * Marks an execution as never to be resumed; the file it was importing is discarded.
	 */
	public RunOutcome abandon(long executionId, String who) {
		JobExecution execution = execution(executionId);
		if (execution == null) {
			return RunOutcome.of(ExitCode.USAGE,
					"There is no job execution " + executionId + ". List them with: settlement-batch executions");
		}
		String jobName = execution.getJobInstance().getJobName();
		try (InstanceLock lock = InstanceLock.tryAcquire(this.dataSource,
				lockKey(jobName, execution.getJobParameters()))) {
			if (!lock.acquired()) {
				return new RunOutcome(ExitCode.ALREADY_RUNNING, "Execution " + executionId
						+ " is running in another process. Stop that process first (ECS: stop the task), then abandon.",
						execution);
			}
			if (execution.getStatus() == BatchStatus.COMPLETED) {
				return new RunOutcome(ExitCode.USAGE,
						"Execution " + executionId + " completed; there is nothing to abandon.", execution);
			}
			if (execution.getStatus() == BatchStatus.ABANDONED) {
				return new RunOutcome(ExitCode.COMPLETED, "Execution " + executionId + " was already abandoned.",
						execution);
			}
			if (execution.getStatus().isRunning()) {
				// its process is dead: we hold the lock
				execution = this.jobOperator.recover(execution);
			}
			JobExecution abandoned = this.jobOperator.abandon(execution);
			List<ImportFiles.ImportFile> files = this.importFiles
				.ofJobInstance(execution.getJobInstance().getInstanceId());
			files.stream()
				.filter(ImportFiles.ImportFile::loading)
				.forEach(file -> this.importFiles.abandon(file.fileId()));
			// the same bytes may come again: their next import is a run of its own
			files.forEach(file -> this.reopenings.reopen(file, "execution " + executionId + " abandoned", who));
			return new RunOutcome(ExitCode.COMPLETED,
					"Execution " + executionId
							+ " abandoned: it will not be resumed. Its file, or a corrected one, can now be imported.",
					abandoned);
		}
		catch (SQLException ex) {
			return RunOutcome.of(ExitCode.FAILED, "The database did not answer: " + ex.getMessage());
		}
		catch (Exception ex) {
			return RunOutcome.of(ExitCode.FAILED,
					"Could not abandon execution " + executionId + ": " + ex.getMessage());
		}
	}

	/** The execution with this id, or null when there is none. */
	private JobExecution execution(long executionId) {
		try {
			return this.jobRepository.getJobExecution(executionId);
		}
		catch (org.springframework.dao.DataAccessException ex) {
			return null;
		}
	}

	private RunOutcome resume(JobExecution last) {
		BatchStatus status = last.getStatus();
		if (status == BatchStatus.COMPLETED) {
			return finished(last, true);
		}
		if (status == BatchStatus.ABANDONED) {
			return new RunOutcome(ExitCode.INPUT_REJECTED,
					"Execution " + last.getId()
							+ " of this job instance was abandoned by an operator and will not be resumed."
							+ " Send a corrected input to import it again.",
					last);
		}
		Pinned pinned = pin(last.getJobParameters());
		if (pinned.refused() != null) {
			return new RunOutcome(ExitCode.INPUT_REJECTED, pinned.refused() + " Execution " + last.getId()
					+ " will not be resumed on a different file: restore the original object, or run 'settlement-batch abandon "
					+ last.getId() + "' and import the new file.", last);
		}
		JobExecution resumable = last;
		if (status.isRunning() || status == BatchStatus.UNKNOWN) {
			log.warn("Execution {} of {} is marked {} but no process holds it: recovering it and resuming",
					last.getId(), last.getJobInstance().getJobName(), status);
			resumable = this.jobOperator.recover(last);
		}
		JobExecution toRestart = resumable;
		if (pinned.repinned() != null) {
			// the same bytes under another object version: resumed on the object as it is
			// now
			Job job = job(last.getJobInstance().getJobName()).orElseThrow();
			return finished(launch(() -> this.jobOperator.start(job, pinned.repinned())), false);
		}
		return finished(launch(() -> this.jobOperator.restart(toRestart)), false);
	}

	/**
	 * What a restart finds of its pinned inputs: refused, unchanged, or the same bytes
	 * re-pinned.
	 */
	private record Pinned(String refused, JobParameters repinned) {

	}

	@FunctionalInterface
	private interface Launch {

		JobExecution launch() throws Exception;

	}

	private JobExecution launch(Launch launch) {
		try {
			return launch.launch();
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
	}

	private RunOutcome finished(JobExecution execution, boolean noOp) {
		String prefix = noOp ? "Already done before (execution " + execution.getId() + "): " : "";
		String exitCode = execution.getExitStatus().getExitCode();
		String description = execution.getExitStatus().getExitDescription();
		return switch (execution.getStatus()) {
			case COMPLETED ->
				"REJECTED".equals(exitCode) ? new RunOutcome(ExitCode.INPUT_REJECTED, prefix + description, execution)
						: new RunOutcome(ExitCode.COMPLETED, prefix + "completed.", execution);
			case STOPPED -> new RunOutcome(ExitCode.FAILED, "Execution " + execution.getId()
					+ " stopped at a chunk boundary. Run the same command again to resume it.", execution);
			default -> {
				String cause = cause(execution).orElseGet(() -> firstLine(description));
				yield new RunOutcome(ExitCode.FAILED,
						"Execution " + execution.getId() + " failed: " + cause
								+ (cause.toLowerCase(java.util.Locale.ROOT).contains("run the same command again") ? ""
										: " Run the same command again to resume from the last committed chunk."),
						execution);
			}
		};
	}

	private RunOutcome alreadyRunning(String jobName, JobParameters parameters) {
		Optional<JobExecution> running = Optional
			.ofNullable(this.jobRepository.getLastJobExecution(jobName, parameters));
		String which = running.map(e -> " (execution " + e.getId() + ", started " + e.getStartTime() + ")").orElse("");
		return new RunOutcome(
				ExitCode.ALREADY_RUNNING, jobName + " for " + describe(parameters)
						+ " is already running in another process" + which + ". Nothing was done.",
				running.orElse(null));
	}

	/**
	 * An import whose input was replaced after a failed attempt must not start afresh
	 * beside the unfinished one: the operator decides (abandon the old run, or restore
	 * the original file).
	 */
	private Optional<RunOutcome> refuseReplacedInput(String jobName, JobParameters parameters) {
		LocalDate businessDate = parameters.getLocalDate("business.date");
		String name = parameters.getString("input.name");
		if (businessDate == null || name == null) {
			return Optional.empty();
		}
		// One query over the metadata, not a walk through every instance the job ever
		// had.
		List<Long> unfinished = new JdbcTemplate(this.dataSource).queryForList(
				"""
						SELECT e.job_execution_id
						FROM batch.batch_job_execution e
						JOIN batch.batch_job_instance i ON i.job_instance_id = e.job_instance_id
						WHERE i.job_name = ? AND e.status NOT IN ('COMPLETED', 'ABANDONED')
						  AND e.job_execution_id = (SELECT max(l.job_execution_id) FROM batch.batch_job_execution l
						                            WHERE l.job_instance_id = e.job_instance_id)
						  AND EXISTS (SELECT 1 FROM batch.batch_job_execution_params p WHERE p.job_execution_id = e.job_execution_id
						              AND p.parameter_name = 'business.date' AND p.parameter_value = ?)
						  AND EXISTS (SELECT 1 FROM batch.batch_job_execution_params p WHERE p.job_execution_id = e.job_execution_id
						              AND p.parameter_name = 'input.name' AND p.parameter_value = ?)
						ORDER BY e.job_execution_id DESC LIMIT 1
						""",
				Long.class, jobName, businessDate.toString(), name);
		if (unfinished.isEmpty()) {
			return Optional.empty();
		}
		JobExecution last = this.jobRepository.getJobExecution(unfinished.get(0));
		return Optional.of(new RunOutcome(ExitCode.INPUT_REJECTED, name + " changed since execution " + last.getId()
				+ " started on it (SHA-256 " + abbreviate(last.getJobParameters().getString("input.sha256"))
				+ " is now " + abbreviate(parameters.getString("input.sha256"))
				+ "). The runs will not be mixed: restore the original object to resume, or run 'settlement-batch abandon "
				+ last.getId() + "' and then import the new file.", last));
	}

	/**
	 * The inputs a run is pinned to, as they are now: an object replaced by other bytes
	 * (or gone) is refused; the same bytes under another version (delivered again, its
	 * time changed) are re-pinned, for the identity of a file is its content.
	 */
	private Pinned pin(JobParameters parameters) {
		JobParametersBuilder repinned = null;
		for (String prefix : List.of("input", "watchlist")) {
			Optional<IntakeInput> pinned = IntakeInput.from(parameters, prefix);
			if (pinned.isEmpty()) {
				continue;
			}
			StoredObject expected = pinned.get().object();
			Optional<StoredObject> now = this.files.stat(expected.uri());
			if (now.isEmpty()) {
				return new Pinned(expected.name() + " is no longer at " + expected.uri() + ".", null);
			}
			if (!now.get().version().equals(expected.version())) {
				try {
					String sha = this.files.sha256(now.get());
					if (!sha.equals(pinned.get().sha256())) {
						return new Pinned(
								expected.name() + " was replaced since the run started (SHA-256 "
										+ abbreviate(pinned.get().sha256()) + " is now " + abbreviate(sha) + ").",
								null);
					}
				}
				catch (java.io.IOException ex) {
					return new Pinned(expected.name() + " cannot be read: " + ex.getMessage(), null);
				}
				repinned = (repinned != null) ? repinned : new JobParametersBuilder(parameters);
				new IntakeInput(now.get(), pinned.get().sha256()).addTo(repinned, prefix);
			}
		}
		return new Pinned(null, repinned == null ? null : repinned.toJobParameters());
	}

	/**
	 * The parameters with how many times each input was re-opened (retake, or an
	 * abandoned import), as identifying: the same bytes then make a new job instance.
	 */
	private JobParameters withReopenings(JobParameters parameters) {
		LocalDate businessDate = parameters.getLocalDate("business.date");
		JobParametersBuilder builder = null;
		for (String prefix : List.of("input", "watchlist")) {
			Optional<IntakeInput> input = IntakeInput.from(parameters, prefix);
			long reopened = (input.isEmpty() || businessDate == null) ? 0
					: this.reopenings.count(input.get().sha256(), businessDate);
			if (reopened > 0) {
				builder = (builder != null) ? builder : new JobParametersBuilder(parameters);
				builder.addLong(prefix + ".reopened", reopened, true);
			}
		}
		return builder == null ? parameters : builder.toJobParameters();
	}

	static String lockKey(String jobName, JobParameters parameters) {
		return jobName + "|"
				+ parameters.getIdentifyingParameters()
					.stream()
					.sorted(Comparator.comparing(JobParameter::name))
					.map(p -> p.name() + "=" + p.value())
					.collect(Collectors.joining("&"));
	}

	static String describe(JobParameters parameters) {
		return parameters.getIdentifyingParameters()
			.stream()
			.sorted(Comparator.comparing(JobParameter::name))
			.map(p -> p.name() + "="
					+ (p.name().endsWith("sha256") ? abbreviate(String.valueOf(p.value())) : p.value()))
			.collect(Collectors.joining(", "));
	}

	private static String abbreviate(String sha) {
		return sha == null || sha.length() < 12 ? String.valueOf(sha) : sha.substring(0, 12) + "…";
	}

	/**
	 * What failed, in the words of the code that knew: the first failure's outermost
	 * cause from this product (which object, at which byte), an I/O or SQL error, or else
	 * its root cause. The framework's wrappers ("Unable to process chunk") say nothing.
	 */
	static Optional<String> cause(JobExecution execution) {
		for (Throwable failure : execution.getAllFailureExceptions()) {
			Throwable root = failure;
			for (Throwable t = failure; t != null; t = t.getCause()) {
				if (t.getClass().getName().startsWith("jp.settlementbatch") || t instanceof java.io.IOException
						|| t instanceof java.io.UncheckedIOException || t instanceof java.sql.SQLException) {
					Throwable why = t.getCause();
					String detail = (t instanceof java.io.UncheckedIOException && why != null
							&& why.getMessage() != null) ? " (" + why.getMessage() + ")" : "";
					return Optional.of(PanGuard.mask(t.getMessage() + detail));
				}
				root = t;
			}
			if (root.getMessage() != null) {
				return Optional.of(PanGuard.mask(root.getClass().getSimpleName() + ": " + root.getMessage()));
			}
		}
		return Optional.empty();
	}

	private static String firstLine(String description) {
		if (description == null || description.isBlank()) {
			return "see the log for the cause.";
		}
		String line = description.lines().findFirst().orElse("").strip();
		return line.length() > 300 ? line.substring(0, 300) + "…" : line;
	}

}
