package jp.settlementbatch.support.progress;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stop request (SIGTERM) reaches the running step through the job's own thread: the
 * signal's thread changes nothing of Spring Batch's, the step learns of it at its next
 * chunk boundary or as it begins.
 */
class RunProgressTests {

	final JobExecution job = new JobExecution(7L, new JobInstance(3L, "accrue-interest"), new JobParameters());

	final RunProgress progress = new RunProgress(null);

	@Test
	void aStopDuringAChunkEndsTheStepAfterThatChunk() {
		// given a step in the middle of a chunk
		this.progress.beforeJob(this.job);
		StepExecution step = new StepExecution(11L, "accrue-interest", this.job);
		this.progress.beforeStep(step);

		// when the stop is requested
		assertThat(this.progress.requestStop()).contains(this.job);

		// then the step is untouched until its chunk ends, and told to stop when it has
		assertThat(step.isTerminateOnly()).isFalse();
		assertThat(step.getStatus().name()).isEqualTo("STARTING");
		this.progress.afterChunk(new Chunk<>());
		assertThat(step.isTerminateOnly()).isTrue();
	}

	@Test
	void aStopBetweenStepsEndsTheNextStepBeforeItsFirstChunk() {
		// given a job between two steps
		this.progress.beforeJob(this.job);

		// when the stop is requested
		this.progress.requestStop();

		// then the next step is told to stop as it begins
		StepExecution next = new StepExecution(12L, "ledger-check-accrue-interest", this.job);
		this.progress.beforeStep(next);
		assertThat(next.isTerminateOnly()).isTrue();
	}

	@Test
	void withoutAStopChunksGoOn() {
		this.progress.beforeJob(this.job);
		StepExecution step = new StepExecution(11L, "accrue-interest", this.job);
		this.progress.beforeStep(step);
		this.progress.afterChunk(new Chunk<>());
		assertThat(step.isTerminateOnly()).isFalse();
	}

	@Test
	void aStopWithNoJobRunningNamesNoExecution() {
		assertThat(this.progress.requestStop()).isEmpty();
	}

	@Test
	void aProgressLineSaysItsDateJobAndPartitionAndAJobLeavesTheCommandsContextAsItFoundIt() {
		// given a command's context (this thread's alone) and a terminal
		org.slf4j.MDC.clear();
		java.io.ByteArrayOutputStream terminal = new java.io.ByteArrayOutputStream();
		RunProgress onTerminal = new RunProgress(new java.io.PrintStream(terminal, true));
		LogContext.command("daily", java.time.LocalDate.of(2026, 11, 20), null);
		JobExecution partition = new JobExecution(8L, new JobInstance(4L, "update-statements"),
				new org.springframework.batch.core.job.parameters.JobParametersBuilder()
					.addLocalDate("business.date", java.time.LocalDate.of(2026, 11, 19))
					.addString("partition", "1/2")
					.toJobParameters());

		// when a step of a partition reads a line
		onTerminal.beforeJob(partition);
		StepExecution step = new StepExecution(13L, "post-cash-flows", partition);
		onTerminal.beforeStep(step);
		step.setReadCount(1);
		onTerminal.afterStep(step);
		onTerminal.afterJob(partition);

		// then its line names them all, and the command's context is back
		assertThat(terminal.toString()).contains("2026-11-19 update-statements 1/2  post-cash-flows");
		assertThat(LogContext.get(LogContext.JOB)).isEqualTo("daily");
		assertThat(LogContext.get(LogContext.BUSINESS_DATE)).isEqualTo("2026-11-20");
		assertThat(LogContext.get(LogContext.PARTITION)).isNull();
		assertThat(LogContext.get(LogContext.JOB_EXECUTION_ID)).isNull();
	}

	@Test
	void theServerShuttingDownOrAConnectionCutIsTheDatabaseGoneAndABadValueIsNot() {
		// the server stopped by its operator, a connection failure, a COPY cut short
		assertThat(RunProgress.connectionLost(new RuntimeException("writing chunk",
				new java.sql.SQLException("FATAL: terminating connection due to administrator command", "57P01"))))
			.isTrue();
		assertThat(RunProgress.connectionLost(new java.sql.SQLException("An I/O error occurred", "08006"))).isTrue();
		assertThat(RunProgress.connectionLost(new java.io.IOException("Broken pipe"))).isTrue();
		// a value the database refused is the data's fault, not the connection's
		assertThat(RunProgress.connectionLost(
				new java.sql.SQLException("new row violates check constraint \"ledger_entry_amount_check\"", "23514")))
			.isFalse();
	}

}
