package jp.settlementbatch.bench;

import java.nio.file.Path;
import java.time.OffsetDateTime;

import javax.sql.DataSource;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.batch.infrastructure.item.file.builder.FlatFileItemReaderBuilder;
import org.springframework.batch.infrastructure.item.file.mapping.PassThroughFieldSetMapper;
import org.springframework.batch.infrastructure.item.file.transform.FieldSet;
import org.springframework.core.io.FileSystemResource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The textbook Spring Batch import the benchmark compares against (quality.md):
 * FlatFileItemReader → JdbcBatchItemWriter, chunk 1000, into a logged table with the same
 * primary key. No validation beyond skipping the header and trailer.
 */
final class NaiveReference {

	static final String TABLE_DDL = """
			CREATE TABLE bench.naive_cash_flow (
				transaction_id VARCHAR(32) PRIMARY KEY, account_id CHAR(10) NOT NULL, type TEXT NOT NULL,
				amount BIGINT NOT NULL, currency CHAR(3) NOT NULL, transacted_at TIMESTAMPTZ NOT NULL,
				merchant_name TEXT NOT NULL, mcc CHAR(4), card_last4 CHAR(4) NOT NULL, original_transaction_id VARCHAR(32))
			""";

	private NaiveReference() {
	}

	static Job job(JobRepository jobRepository, PlatformTransactionManager transactionManager, DataSource dataSource,
			Path file) {
		var reader = new FlatFileItemReaderBuilder<FieldSet>().name("naive-reader")
			.resource(new FileSystemResource(file))
			.encoding("UTF-8")
			.linesToSkip(1)
			.delimited()
			.strict(false)
			.names("record", "transaction_id", "account_id", "type", "amount", "currency", "transacted_at",
					"merchant_name", "mcc", "card_last4", "original_transaction_id")
			.fieldSetMapper(new PassThroughFieldSetMapper())
			.build();
		var writer = new JdbcBatchItemWriterBuilder<FieldSet>().dataSource(dataSource)
			.sql("INSERT INTO bench.naive_cash_flow VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.itemPreparedStatementSetter((f, ps) -> {
				ps.setString(1, f.readString("transaction_id"));
				ps.setString(2, f.readString("account_id"));
				ps.setString(3, f.readString("type"));
				ps.setLong(4, f.readLong("amount"));
				ps.setString(5, f.readString("currency"));
				ps.setObject(6, OffsetDateTime.parse(f.readString("transacted_at")));
				ps.setString(7, f.readString("merchant_name"));
				ps.setString(8, emptyToNull(f.readString("mcc")));
				ps.setString(9, f.readString("card_last4"));
				ps.setString(10, emptyToNull(f.readString("original_transaction_id")));
			})
			.build();
		var step = new StepBuilder("naive-load", jobRepository).<FieldSet, FieldSet>chunk(1000)
			.transactionManager(transactionManager)
			.reader(reader)
			.processor(f -> "D".equals(f.readString("record")) ? f : null)
			.writer(writer)
			.build();
		return new JobBuilder("bench-naive-reference", jobRepository).start(step).build();
	}

	private static String emptyToNull(String value) {
		return value == null || value.isEmpty() ? null : value;
	}

}
