package jp.settlementbatch;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * settlement-batch: the daily settlement batch of a card issuer. One jar, one job per
 * invocation; this class is the application's configuration, which each command starts
 * once its arguments are checked ({@code cli/Platform}); the command line itself is
 * {@code cli/Main}. Spring Cloud Task (auto-configured) records every invocation that
 * changes something next to the job metadata.
 */
@SpringBootApplication
public class SettlementBatchApplication {

}
