package jp.settlementbatch.ledger;

import javax.sql.DataSource;

import jp.settlementbatch.support.config.Settings;
import jp.settlementbatch.support.config.SettlementProperties;
import jp.settlementbatch.support.files.FileStore;
import jp.settlementbatch.support.progress.RunProgress;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The builder every ledger job is made with ({@link LedgerJobs}). */
@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

	@Bean
	LedgerMeasure ledgerMeasure(DataSource dataSource) {
		return new LedgerMeasure(new org.springframework.jdbc.core.JdbcTemplate(dataSource));
	}

	@Bean
	LedgerJobs ledgerJobs(JobRepository jobRepository,
			@Qualifier("transactionManager") PlatformTransactionManager transactionManager, DataSource dataSource,
			RunProgress progress, Settings settings, FileStore files) {
		SettlementProperties settlement = settings.settlement();
		return new LedgerJobs(jobRepository, transactionManager, dataSource, progress, settlement.chunkSize(),
				settlement.ledger().holdMinimum(), files, settlement.pendingDays());
	}

}
