package jp.settlementbatch.ledger;

import javax.sql.DataSource;

import jp.settlementbatch.support.files.FileStore;
import jp.settlementbatch.support.progress.RunProgress;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
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
			RunProgress progress, @Value("${settlement.chunk-size:10000}") int chunkSize,
			@Value("${settlement.ledger.hold-minimum:100}") long holdMinimum, FileStore files,
			@Value("${settlement.pending-days:5}") int pendingDays) {
		return new LedgerJobs(jobRepository, transactionManager, dataSource, progress, chunkSize, holdMinimum, files,
				pendingDays);
	}

}
