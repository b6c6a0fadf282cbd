package jp.settlementbatch;

import jp.settlementbatch.support.cli.SettlementBatchCommand;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.task.configuration.EnableTask;

/**
 * settlement-batch: the daily settlement batch of a card issuer. One jar, one job per
 * invocation; {@code main} is the command line ({@link SettlementBatchCommand}).
 */
@SpringBootApplication
@EnableTask
public class SettlementBatchApplication {

	public static void main(String[] args) {
		System.exit(SettlementBatchCommand.execute(args));
	}

}
