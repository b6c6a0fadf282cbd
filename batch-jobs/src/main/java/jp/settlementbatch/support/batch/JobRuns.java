package jp.settlementbatch.support.batch;

import java.sql.SQLException;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

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

	private final RunInputs inputs;

	public JobRuns(JobOperator jobOperator, JobRepository jobRepository, JobRegistry jobRegistry, DataSource dataSource,
			RunInputs inputs) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.jobRegistry = jobRegistry;
		this.dataSource = dataSource;
		this.inputs = inputs;
	}

	public Optional<Job> job(String name) {
		return Optional.ofNullable(this.jobRegistry.getJob(name));
	}

	public RunOutcome run(Job job, JobParameters given) {
		JobParameters parameters = this.inputs.identify(given);
		String key = lockKey(job.getName(), parameters);
		try (InstanceLock lock = InstanceLock.tryAcquire(this.dataSource, key)) {
			if (!lock.acquired()) {
				return alreadyRunning(job.getName(), parameters);
			}
			JobExecution last = this.jobRepository.getLastJobExecution(job.getName(), parameters);
			if (last == null) {
				Optional<RunOutcome> replaced = this.inputs.refuseReplaced(job.getName(), parameters);
				if (replaced.isPresent()) {
					return replaced.get();
				}
				return RunOutcomes.finished(launch(() -> this.jobOperator.start(job, parameters)), false);
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
		return InstanceLock.isHeld(this.dataSource,
				lockKey(execution.getJobInstance().getJobName(), execution.getJobParameters()));
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
			this.inputs.abandoned(execution.getJobInstance().getInstanceId(), "execution " + executionId + " abandoned",
					who);
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
			return RunOutcomes.finished(last, true);
		}
		if (status == BatchStatus.ABANDONED) {
			return new RunOutcome(ExitCode.INPUT_REJECTED,
					"Execution " + last.getId()
							+ " of this job instance was abandoned by an operator and will not be resumed."
							+ " Send a corrected input to import it again.",
					last);
		}
		RunInputs.Recheck pinned = this.inputs.recheck(last.getJobParameters());
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
			return RunOutcomes.finished(launch(() -> this.jobOperator.start(job, pinned.repinned())), false);
		}
		return RunOutcomes.finished(launch(() -> this.jobOperator.restart(toRestart)), false);
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

	private RunOutcome alreadyRunning(String jobName, JobParameters parameters) {
		Optional<JobExecution> running = Optional
			.ofNullable(this.jobRepository.getLastJobExecution(jobName, parameters));
		String which = running.map(e -> " (execution " + e.getId() + ", started " + e.getStartTime() + ")").orElse("");
		return new RunOutcome(
				ExitCode.ALREADY_RUNNING, jobName + " for " + RunOutcomes.describe(parameters)
						+ " is already running in another process" + which + ". Nothing was done.",
				running.orElse(null));
	}

	static String lockKey(String jobName, JobParameters parameters) {
		return jobName + "|"
				+ parameters.getIdentifyingParameters()
					.stream()
					.sorted(Comparator.comparing(JobParameter::name))
					.map(p -> p.name() + "=" + p.value())
					.collect(Collectors.joining("&"));
	}

}
