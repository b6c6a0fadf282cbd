package jp.settlementbatch.support.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The product's own settings ({@code settlement.*}; in the environment
 * {@code SETTLEMENT_*}).
 *
 * @param partitions partitions plan-partitions plans when a run names none
 * ({@code SETTLEMENT_PARTITIONS})
 * @param runId the run a task is part of, in every log line ({@code SETTLEMENT_RUN_ID}:
 * the Step Functions execution name)
 * @param outbox the outbox's encryption ({@code SETTLEMENT_OUTBOX_KMS_KEY_ID})
 * @param chunkSize accounts per chunk of the ledger jobs ({@code run --chunk-size})
 * @param pendingDays days a line may wait for its account before it is rejected
 * ({@code --pending-days})
 * @param progress {@code terminal} (progress lines) or {@code log} (JSON events and
 * metrics)
 * @param ledger the ledger jobs' hold threshold
 * @param intake lines per chunk of the imports
 */
@ConfigurationProperties("settlement")
public record SettlementProperties(@DefaultValue("8") int partitions, String runId, @DefaultValue Outbox outbox,
		@DefaultValue("10000") int chunkSize, @DefaultValue("5") int pendingDays, @DefaultValue("log") String progress,
		@DefaultValue Ledger ledger, @DefaultValue Intake intake) {

	/**
	 * @param kmsKeyId the KMS key outputs are written with (SSE-KMS); blank: SSE-S3
	 */
	public record Outbox(String kmsKeyId) {

	}

	/**
	 * @param holdMinimum accounts a job may hold before it fails: this many, or 0.1 % of
	 * its partition's accounts when that is more
	 */
	public record Ledger(@DefaultValue("100") long holdMinimum) {

	}

	/**
	 * @param chunkSize lines per chunk (50,000 on Fargate)
	 */
	public record Intake(@DefaultValue("50000") int chunkSize) {

	}

}
