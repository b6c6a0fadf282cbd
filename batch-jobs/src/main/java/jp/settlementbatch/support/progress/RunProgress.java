package jp.settlementbatch.support.progress;

import jp.settlementbatch.support.config.RunParameters;
import jp.settlementbatch.support.csv.PanGuard;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Tells people and machines how a run is going: on a terminal, one progress line per
 * running step (items read and written, rate) rewritten in place; otherwise one
 * structured log event per step and every ten seconds while a step runs. Also remembers
 * the execution running in this process and carries a stop request (SIGTERM) to it.
 *
 * <p>
 * A stop request only raises a flag: the job's own thread then marks its step to end at
 * the next chunk boundary (after a chunk commits, or as the next step begins). Spring
 * Batch 6's {@code JobOperator.stop} would instead update the running step's metadata
 * from the signal's thread, racing the chunk commits of the job's thread for the same row
 * version; the loser ends the execution UNKNOWN. Here only the job's thread writes the
 * metadata.
 */
public class RunProgress implements StepExecutionListener, ChunkListener<Object, Object>, JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(RunProgress.class);

	private final PrintStream terminal;

	private volatile JobExecution current;

	private volatile boolean stopRequested;

	private StepExecution step;

	private long stepStarted;

	private long lastReport;

	/** The context the command set, restored when the job ends (daily runs many). */
	private String[] outerContext;

	private static final String[] JOB_CONTEXT = { LogContext.JOB, LogContext.BUSINESS_DATE, LogContext.PARTITION,
			LogContext.JOB_EXECUTION_ID };

	/** Each job's metrics line when it ends, or null for none. */
	private final JobMetrics jobMetrics;

	/**
	 * @param terminal where progress lines go for a person, or null for log events only
	 */
	public RunProgress(PrintStream terminal) {
		this(terminal, List.of(), null);
	}

	/**
	 * @param terminal where progress lines go for a person, or null for log events only
	 * @param measures what the job families add to a job's metrics
	 * @param metrics where each job's metrics line goes when it ends (stdout in the
	 * cloud), or null for none
	 */
	public RunProgress(PrintStream terminal, List<JobMeasure> measures, PrintStream metrics) {
		this.terminal = terminal;
		this.jobMetrics = (metrics == null) ? null : new JobMetrics(measures, metrics);
	}

	public Optional<JobExecution> current() {
		return Optional.ofNullable(this.current);
	}

	/**
	 * Asks the running job (and any job this process starts after it) to stop at the next
	 * chunk boundary. Safe to call from any thread.
	 * @return the execution that will stop, if one is running
	 */
	public Optional<JobExecution> requestStop() {
		this.stopRequested = true;
		return current();
	}

	/** Whether a stop was asked for (SIGTERM, Ctrl-C). */
	public boolean stopRequested() {
		return this.stopRequested;
	}

	@Override
	public void beforeJob(JobExecution jobExecution) {
		this.current = jobExecution;
		this.outerContext = new String[JOB_CONTEXT.length];
		for (int i = 0; i < JOB_CONTEXT.length; i++) {
			this.outerContext[i] = LogContext.get(JOB_CONTEXT[i]);
		}
		java.time.LocalDate businessDate = RunParameters.of(jobExecution.getJobParameters()).businessDate();
		LogContext.put(LogContext.JOB, jobExecution.getJobInstance().getJobName());
		LogContext.put(LogContext.BUSINESS_DATE, businessDate == null ? this.outerContext[1] : businessDate.toString());
		LogContext.put(LogContext.PARTITION, RunParameters.of(jobExecution.getJobParameters()).partition());
		LogContext.put(LogContext.JOB_EXECUTION_ID, String.valueOf(jobExecution.getId()));
		jobEvent("job_started").log("Job {} started (execution {})", jobExecution.getJobInstance().getJobName(),
				jobExecution.getId());
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		this.current = null;
		// a failed execution records its root cause in one line, which executions and
		// the day's report show, rather than the framework's trace (cut at 2,500 chars
		// before the cause)
		if (jobExecution.getStatus() == org.springframework.batch.core.BatchStatus.FAILED
				&& !jobExecution.getAllFailureExceptions().isEmpty()) {
			Throwable root = jobExecution.getAllFailureExceptions().get(0);
			while (root.getCause() != null && root.getCause() != root) {
				root = root.getCause();
			}
			String said = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
			jobExecution.setExitStatus(new ExitStatus(jobExecution.getExitStatus().getExitCode(),
					PanGuard.mask(root.getClass().getSimpleName() + ": " + said)));
		}
		jobEvent("job_finished").addKeyValue("status", jobExecution.getStatus().name())
			.addKeyValue("exit_code", jobExecution.getExitStatus().getExitCode())
			.log("Job {} ended {}", jobExecution.getJobInstance().getJobName(), jobExecution.getStatus());
		if (this.jobMetrics != null) {
			this.jobMetrics.emit(jobExecution);
		}
		if (this.outerContext != null) {
			for (int i = 0; i < JOB_CONTEXT.length; i++) {
				LogContext.put(JOB_CONTEXT[i], this.outerContext[i]);
			}
		}
	}

	/** A job's event: its job, date and execution are in the {@link LogContext}. */
	private static LoggingEventBuilder jobEvent(String event) {
		return log.atInfo().addKeyValue("event", event);
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.step = stepExecution;
		LogContext.put(LogContext.STEP, stepExecution.getStepName());
		this.stepStarted = System.nanoTime();
		this.lastReport = this.stepStarted;
		stopIfRequested(stepExecution);
	}

	@Override
	public void afterChunk(Chunk<Object> chunk) {
		chunkDone();
	}

	/** After each call of a tasklet step that loads in chunks. */
	@Override
	public void afterChunk(ChunkContext context) {
		chunkDone();
	}

	private void chunkDone() {
		stopIfRequested(this.step);
		long now = System.nanoTime();
		long interval = this.terminal != null ? Duration.ofMillis(500).toNanos() : Duration.ofSeconds(10).toNanos();
		if (this.step != null && now - this.lastReport >= interval) {
			this.lastReport = now;
			report(false);
		}
	}

	/**
	 * A chunk of a tasklet step failed: its one-line cause is told now, before the
	 * framework records the failure (which, with the database gone, takes its time) and
	 * before the summary.
	 */
	@Override
	public void afterChunkError(ChunkContext context) {
		if (context.getAttribute(ChunkListener.ROLLBACK_EXCEPTION_KEY) instanceof Throwable cause) {
			chunkFailed(context.getStepContext().getStepName(), cause);
		}
	}

	/** A chunk of a chunk-oriented step failed: as {@link #afterChunkError}. */
	@Override
	public void onChunkError(Exception exception, Chunk<Object> chunk) {
		chunkFailed(this.step == null ? "a step" : this.step.getStepName(), exception);
	}

	/**
	 * Whether a failure is the database connection gone: SQLSTATE class 08, the server
	 * shutting down or not yet accepting connections (57P01, 57P02, 57P03), a broken
	 * pipe.
	 */
	static boolean connectionLost(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			String message = String.valueOf(t.getMessage());
			if ((t instanceof java.sql.SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")))
					|| message.contains("COPY interrupted: 08") || message.contains("Broken pipe")
					|| message.contains("Connection reset")) {
				return true;
			}
		}
		return false;
	}

	private void chunkFailed(String step, Throwable cause) {
		Throwable root = cause;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String said = String.valueOf(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage())
			.lines()
			.findFirst()
			.orElse("");
		String message = PanGuard.mask(step + " failed: "
				+ (connectionLost(cause) ? "the connection to the database was lost (" + said + ")" : said)
				+ ". The run ends with exit 1: run the same command again once the cause is mended.");
		if (this.terminal != null) {
			this.terminal.println();
			this.terminal.println(message);
		}
		else {
			log.atError().addKeyValue("event", "chunk_failed").log(message);
		}
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		report(true);
		this.step = null;
		LogContext.put(LogContext.STEP, null);
		return null;
	}

	/**
	 * On the job's own thread: a chunk step checks this before each chunk and ends
	 * STOPPED; a step that sees it as it begins runs no chunk.
	 */
	private void stopIfRequested(StepExecution stepExecution) {
		if (this.stopRequested && stepExecution != null) {
			stepExecution.setTerminateOnly();
		}
	}

	private void report(boolean done) {
		StepExecution s = this.step;
		double seconds = Math.max((System.nanoTime() - this.stepStarted) / 1e9, 1e-3);
		long rate = Math.round(s.getReadCount() / seconds);
		if (this.terminal != null) {
			if (s.getReadCount() == 0 && done) {
				return; // tasklet steps: the summary says what they did
			}
			// labelled with the run's date, job and partition: a day prints many jobs'
			// lines
			String partition = LogContext.get(LogContext.PARTITION);
			String label = LogContext.get(LogContext.BUSINESS_DATE) + " " + LogContext.get(LogContext.JOB)
					+ (partition == null ? "" : " " + partition);
			this.terminal.printf("\r  %s  %-24s read %,12d  written %,12d  %,10d rows/s  %6.1fs%s", label,
					s.getStepName(), s.getReadCount(), s.getWriteCount(), rate, seconds, done ? "\n" : "");
			this.terminal.flush();
		}
		else {
			log.atInfo()
				.addKeyValue("event", done ? "step_finished" : "step_progress")
				.addKeyValue("read", s.getReadCount())
				.addKeyValue("written", s.getWriteCount())
				.addKeyValue("rows_per_second", rate)
				.addKeyValue("seconds", Math.round(seconds * 10) / 10.0)
				.log("{}: read {} written {}", s.getStepName(), s.getReadCount(), s.getWriteCount());
		}
	}

}
