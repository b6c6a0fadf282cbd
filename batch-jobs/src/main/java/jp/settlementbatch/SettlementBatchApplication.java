package jp.settlementbatch;

import jp.settlementbatch.cli.SettlementBatchCommand;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * settlement-batch: the daily settlement batch of a card issuer. One jar, one job per
 * invocation; {@code main} is the command line ({@link SettlementBatchCommand}). Spring
 * Cloud Task (auto-configured) records every invocation that changes something next to
 * the job metadata.
 */
@SpringBootApplication
public class SettlementBatchApplication {

	public static void main(String[] args) {
		System.exit(SettlementBatchCommand.execute(args));
	}

}
