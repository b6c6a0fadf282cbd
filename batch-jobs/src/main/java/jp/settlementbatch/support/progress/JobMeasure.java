package jp.settlementbatch.support.progress;

import java.util.List;

import org.springframework.batch.core.job.JobExecution;

/**
 * What a family of jobs adds to a job's metrics (lines of a file taken in, amounts
 * posted, accounts held), measured when the job ends, whatever its status.
 */
@FunctionalInterface
public interface JobMeasure {

	/** The metrics of {@code execution} this measure knows; empty when none apply. */
	List<EmbeddedMetrics.Metric> measure(JobExecution execution);

}
