package jp.settlementbatch.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The thin Spring Batch adapter of a ledger job: a chunk step over accounts (built by
 * {@link LedgerJobs}). The subclass gives the query of the accounts still to do (ordered
 * by account_id, filtered by its watermark and the partition), how rows become an item,
 * and what a chunk writes; positions, journal and watermark commit with the step's
 * metadata in one transaction.
 *
 * @param <T> the per-account item
 */
public abstract class AccountWork<T extends LedgerAccount>
		implements ItemStreamReader<T>, ItemWriter<T>, StepExecutionListener {

	protected final DataSource dataSource;

	protected final JdbcTemplate jdbc;

	protected LocalDate businessDate;

	protected Partition partition;

	private AccountReader<T> reader;

	/**
	 * Whether each chunk checks its accounts against their journal (set by
	 * {@link LedgerJobs}).
	 */
	boolean checked;

	/**
	 * How many items the reader may read ahead of the step: a chunk (set by
	 * {@link LedgerJobs}).
	 */
	int readAhead = 1;

	protected AccountWork(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/** The query; its positional parameters are {@link #parameters()}. */
	protected abstract String sql();

	protected abstract Object[] parameters();

	protected abstract T start(ResultSet first) throws SQLException;

	protected abstract void add(T item, ResultSet row) throws SQLException;

	/**
	 * The job's watermark ({@code card.balance} column) when its query does not filter on
	 * it itself, because it does not read {@code card.balance}: the reader then leaves
	 * out the accounts whose watermark is the business date (see {@link AccountReader}).
	 * Null when the query filters.
	 */
	protected String watermark() {
		return null;
	}

	/** Called once before the first read, after the parameters are known. */
	protected void prepare() {
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.businessDate = stepExecution.getJobParameters().getLocalDate("business.date");
		this.partition = Partition.of(stepExecution.getJobParameters());
		prepare();
		this.reader = new AccountReader<>(this.dataSource, sql(), new AccountReader.Grouper<T>() {
			@Override
			public T start(ResultSet first) throws SQLException {
				return AccountWork.this.start(first);
			}

			@Override
			public void add(T item, ResultSet row) throws SQLException {
				AccountWork.this.add(item, row);
			}
		}, this.readAhead, parameters());
		if (watermark() != null) {
			Object[] p = this.partition.parameters();
			this.reader.except(
					"SELECT account_id FROM card.balance WHERE " + watermark() + " >= ? AND "
							+ Partition.condition("account_id") + " ORDER BY account_id COLLATE \"C\"",
					this.businessDate, p[0], p[1], p[2]);
		}
	}

	@Override
	public void open(ExecutionContext executionContext) {
		this.reader.open(executionContext);
	}

	@Override
	public T read() throws SQLException, InterruptedException {
		return this.reader.read();
	}

	@Override
	public void close() {
		if (this.reader != null) {
			this.reader.close();
		}
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		if (!ExitStatus.COMPLETED.getExitCode().equals(stepExecution.getExitStatus().getExitCode())) {
			return null;
		}
		return new ExitStatus("COMPLETED",
				this.partition + ", business date " + this.businessDate + ": " + stepExecution.getWriteCount()
						+ " accounts processed"
						+ (this.checked ? ", each checked against its journal: 0 out of balance" : ""));
	}

}
