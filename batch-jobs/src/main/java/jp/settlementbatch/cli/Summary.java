package jp.settlementbatch.cli;

import java.time.Duration;
import java.util.List;

import jp.settlementbatch.support.batch.ExitCode;
import jp.settlementbatch.support.batch.RunOutcome;
import jp.settlementbatch.support.config.RunParameters;
import jp.settlementbatch.support.files.FileStore;
import jp.settlementbatch.support.intake.ImportFiles;
import jp.settlementbatch.support.intake.ImportFiles.ImportFile;
import jp.settlementbatch.support.progress.LogContext;
import jp.settlementbatch.support.progress.RunProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one-screen summary of a run (a person), or one structured log event (a machine).
 */
final class Summary {

	private static final Logger log = LoggerFactory.getLogger(Summary.class);

	/** The exit code of a process stopped by SIGTERM (128 + 15), as ECS reports it. */
	static final int SIGTERM = 143;

	private Summary() {
	}

	/**
	 * Prints the outcome; returns the exit code it reported: the outcome's, or 143 when a
	 * SIGTERM stopped the run.
	 */
	static int print(Platform platform, RunOutcome outcome, boolean json) {
		JobExecution execution = outcome.execution();
		List<ImportFile> files = execution == null ? List.of() : new ImportFiles(platform.bean(JdbcTemplate.class))
			.ofJobInstance(execution.getJobInstance().getInstanceId());
		int exitCode = (outcome.exitCode().code() != 0 && platform.bean(RunProgress.class).stopRequested()) ? SIGTERM
				: outcome.exitCode().code();
		if (json) {
			try (LogContext.Scope scope = context(execution)) {
				summary(outcome, execution, files, exitCode);
			}
			return exitCode;
		}
		StringBuilder out = new StringBuilder();
		if (execution != null) {
			out.append(String.format("%n%s  execution %d  %s", execution.getJobInstance().getJobName(),
					execution.getId(), execution.getStatus()));
			if (execution.getStartTime() != null && execution.getEndTime() != null) {
				Duration took = Duration.between(execution.getStartTime(), execution.getEndTime());
				out.append(String.format("  in %.1f s", took.toMillis() / 1000.0));
			}
			out.append('\n');
		}
		for (ImportFile file : files) {
			out.append(String.format("  %-28s %-9s details %,9d  accepted %,9d  rejected %,7d  duplicates %,7d%n",
					file.fileName(), file.status(), nz(file.detailCount()), nz(file.acceptedCount()),
					nz(file.rejectedCount()), nz(file.duplicateCount())));
			if (file.rejectReason() != null) {
				out.append("    reason: ").append(file.rejectReason()).append('\n');
			}
			if (nz(file.rejectedCount()) > 0 && execution != null) {
				String outbox = RunParameters.of(execution.getJobParameters()).outbox();
				out.append("    rejected lines: ")
					.append(FileStore.resolve(outbox, "rejects", file.fileName() + ".rejects.csv"))
					.append('\n');
			}
		}
		out.append(String.format("exit %d: %s%n", exitCode, outcome.message()));
		System.out.print(out);
		System.out.flush();
		return exitCode;
	}

	/** The run's job, date and execution, for the events that say how it ended. */
	private static LogContext.Scope context(JobExecution execution) {
		if (execution == null) {
			return () -> {
			};
		}
		java.time.LocalDate date = RunParameters.of(execution.getJobParameters()).businessDate();
		return LogContext.with(LogContext.JOB, execution.getJobInstance().getJobName(), LogContext.BUSINESS_DATE,
				date == null ? LogContext.get(LogContext.BUSINESS_DATE) : date.toString(), LogContext.JOB_EXECUTION_ID,
				String.valueOf(execution.getId()));
	}

	private static void summary(RunOutcome outcome, JobExecution execution, List<ImportFile> files, int exitCode) {
		failure(outcome, execution, files, exitCode);
		LoggingEventBuilder event = log.atInfo().addKeyValue("event", "run_summary").addKeyValue("exit_code", exitCode);
		if (execution != null) {
			event = event.addKeyValue("status", execution.getStatus().name());
		}
		for (ImportFile file : files) {
			event = event.addKeyValue("file." + file.fileType().toLowerCase(),
					file.fileName() + " " + file.status() + " details=" + file.detailCount() + " accepted="
							+ file.acceptedCount() + " rejected=" + file.rejectedCount() + " duplicates="
							+ file.duplicateCount() + " pending=" + file.pendingCount()
							+ (file.rejectReason() == null ? "" : " reason=" + file.rejectReason()));
		}
		event.log(outcome.message());
	}

	/**
	 * A run that did not complete: one event at its level, with what an alarm and an
	 * operator need (exit code, business date, job, file), the trace in a field.
	 */
	private static void failure(RunOutcome outcome, JobExecution execution, List<ImportFile> files, int exitCode) {
		LoggingEventBuilder event = switch (outcome.exitCode()) {
			case FAILED -> log.atError().addKeyValue("event", "job_failed");
			case INPUT_REJECTED -> log.atWarn().addKeyValue("event", "file_rejected");
			case INPUT_MISSING -> log.atWarn().addKeyValue("event", "input_missing");
			case ALREADY_RUNNING -> log.atWarn().addKeyValue("event", "already_running");
			default -> null;
		};
		if (event == null) {
			return;
		}
		event = event.addKeyValue("exit_code", exitCode);
		if (execution != null && outcome.exitCode() == ExitCode.FAILED
				&& !execution.getAllFailureExceptions().isEmpty()) {
			event = event.setCause(execution.getAllFailureExceptions().get(0));
		}
		List<String> names = files.stream().map(ImportFile::fileName).toList();
		if (!names.isEmpty()) {
			event = event.addKeyValue("file", String.join(" ", names));
		}
		event.log(outcome.message());
	}

	private static long nz(Integer value) {
		return value == null ? 0 : value;
	}

}
