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

}
