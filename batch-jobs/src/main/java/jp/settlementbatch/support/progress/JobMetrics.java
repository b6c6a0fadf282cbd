package jp.settlementbatch.support.progress;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * A job's metrics line (CloudWatch EMF) when it ends: its duration and items, whether it
 * failed or was rejected, and what its family's {@link JobMeasure} adds.
 */
final class JobMetrics {

	// its events keep the logger name they have always had
	private static final Logger log = LoggerFactory.getLogger(RunProgress.class);

	private final List<JobMeasure> measures;

	private final PrintStream metrics;

	JobMetrics(List<JobMeasure> measures, PrintStream metrics) {
		this.measures = measures;
		this.metrics = metrics;
	}

	/**
	 * The job's metrics line (EMF), whatever its status: duration and items of every job,
	 * and what its family's {@link JobMeasure} adds. A measure that cannot be taken (the
	 * database gone) is left out; the line still goes.
	 */
	void emit(JobExecution execution) {
		List<EmbeddedMetrics.Metric> metrics = new ArrayList<>();
		LocalDateTime started = execution.getStartTime();
		metrics.add(EmbeddedMetrics.Metric.seconds("Duration",
				started == null ? 0 : Duration.between(started, LocalDateTime.now()).toMillis() / 1000.0));
		long read = 0;
		long written = 0;
		long filtered = 0;
		long skipped = 0;
		for (StepExecution step : execution.getStepExecutions()) {
			read += step.getReadCount();
			written += step.getWriteCount();
			filtered += step.getFilterCount();
			skipped += step.getSkipCount();
		}
		metrics.add(EmbeddedMetrics.Metric.count("ItemsRead", read));
		metrics.add(EmbeddedMetrics.Metric.count("ItemsWritten", written));
		metrics.add(EmbeddedMetrics.Metric.count("ItemsFiltered", filtered));
		metrics.add(EmbeddedMetrics.Metric.count("ItemsSkipped", skipped));
		boolean rejected = "REJECTED".equals(execution.getExitStatus().getExitCode());
		metrics.add(EmbeddedMetrics.Metric.count("Failed", execution.getStatus() == BatchStatus.COMPLETED ? 0 : 1));
		metrics.add(EmbeddedMetrics.Metric.count("Rejected", rejected ? 1 : 0));
		for (JobMeasure measure : this.measures) {
			try {
				metrics.addAll(measure.measure(execution));
			}
			catch (RuntimeException ex) {
				log.atWarn()
					.addKeyValue("event", "metrics_incomplete")
					.log("Some metrics of this job could not be measured: {}", ex.getMessage());
			}
		}
		Map<String, String> dimensions = new LinkedHashMap<>();
		dimensions.put("job", execution.getJobInstance().getJobName());
		dimensions.put("status", rejected ? "REJECTED" : execution.getStatus().name());
		EmbeddedMetrics.emit(this.metrics, dimensions, metrics);
	}

}
