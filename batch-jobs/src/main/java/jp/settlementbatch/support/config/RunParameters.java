package jp.settlementbatch.support.config;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;

/**
 * The parameters of one job run, typed: the only place that knows their keys in the job
 * repository. The business date and the partition (and the partition count of
 * plan-partitions) make the job instance; the run date, outbox and reject tolerance do
 * not. An import's pinned inputs are added under their own prefixes
 * ({@code jp.settlementbatch.support.intake.IntakeInput}).
 *
 * @param businessDate the day the data belongs to
 * @param runDate the day of the run that took it in (a late file's run date is later than
 * its business date)
 * @param outbox where outputs, reject files and reports go
 * @param maxRejectRatio rejected lines a file may have before it is refused as a whole
 * @param partition "i/N", or null for all accounts
 * @param partitions how many partitions plan-partitions plans, or null for other jobs
 */
public record RunParameters(LocalDate businessDate, LocalDate runDate, String outbox, double maxRejectRatio,
		String partition, Integer partitions) {

	/** Identifying: the business date. */
	public static final String BUSINESS_DATE = "business.date";

	/** Not identifying: the date of the run (a late file is taken in after its day). */
	public static final String RUN_DATE = "run.date";

	/** Not identifying: the outbox URI. */
	public static final String OUTBOX = "outbox";

	/** Not identifying: the tolerated share of rejected lines. */
	public static final String MAX_REJECT_RATIO = "max.reject.ratio";

	/** Identifying: the partition "i/N" of a partitioned job. */
	public static final String PARTITION = "partition";

	/** Identifying: the partition count plan-partitions plans. */
	public static final String PARTITIONS = "partitions";

	/** The tolerance when a run names none. */
	public static final double DEFAULT_MAX_REJECT_RATIO = 0.01;

	/** A run of the day: business date and run date alike, no partition. */
	public static RunParameters of(LocalDate businessDate, String outbox, double maxRejectRatio) {
		return new RunParameters(businessDate, businessDate, outbox, maxRejectRatio, null, null);
	}

	public static RunParameters of(JobParameters parameters) {
		LocalDate businessDate = parameters.getLocalDate(BUSINESS_DATE);
		Long partitions = parameters.getLong(PARTITIONS);
		return new RunParameters(businessDate, parameters.getLocalDate(RUN_DATE, businessDate),
				parameters.getString(OUTBOX),
				Optional.ofNullable(parameters.getDouble(MAX_REJECT_RATIO)).orElse(DEFAULT_MAX_REJECT_RATIO),
				parameters.getString(PARTITION), partitions == null ? null : partitions.intValue());
	}

	public static RunParameters of(JobExecution execution) {
		return of(execution.getJobParameters());
	}

	public static RunParameters of(StepExecution execution) {
		return of(execution.getJobParameters());
	}

	public RunParameters withPartition(String partition) {
		return new RunParameters(this.businessDate, this.runDate, this.outbox, this.maxRejectRatio, partition,
				this.partitions);
	}

	public RunParameters withPartitions(Integer partitions) {
		return new RunParameters(this.businessDate, this.runDate, this.outbox, this.maxRejectRatio, this.partition,
				partitions);
	}

	public RunParameters withRunDate(LocalDate runDate) {
		return new RunParameters(this.businessDate, runDate, this.outbox, this.maxRejectRatio, this.partition,
				this.partitions);
	}

	/** A builder holding these parameters, for the inputs to be added to. */
	public JobParametersBuilder toBuilder() {
		JobParametersBuilder builder = new JobParametersBuilder().addLocalDate(BUSINESS_DATE, this.businessDate, true)
			.addDouble(MAX_REJECT_RATIO, this.maxRejectRatio, false);
		if (this.outbox != null) {
			builder.addString(OUTBOX, this.outbox, false);
		}
		if (this.runDate != null && !this.runDate.equals(this.businessDate)) {
			builder.addLocalDate(RUN_DATE, this.runDate, false);
		}
		if (this.partition != null) {
			builder.addString(PARTITION, this.partition, true);
		}
		if (this.partitions != null) {
			builder.addLong(PARTITIONS, this.partitions.longValue(), true);
		}
		return builder;
	}

	public JobParameters toJobParameters() {
		return toBuilder().toJobParameters();
	}

}
