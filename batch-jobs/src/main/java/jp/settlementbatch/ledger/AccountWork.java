package jp.settlementbatch.ledger;

import jp.settlementbatch.support.config.RunParameters;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The thin Spring Batch adapter of a ledger job: a chunk step over accounts (built by
 * {@link LedgerJobs}). The subclass gives the query of the accounts still to do (ordered
 * by account_id, filtered by its watermark and the partition), how rows become an item,
 * what a chunk reads ({@link #load}), the money rules for one account ({@link #apply},
 * plain values, no I/O) and what a chunk writes ({@link #save}); positions, journal and
 * watermark commit with the step's metadata in one transaction.
 *
 * <p>
 * One account never stops the book (ledger.md, "Accounts held for an operator"): an
 * account the rules refuse, whose rows a database constraint refuses (found by saving
 * halves of the chunk under savepoints), or that its chunk's ledger check finds out of
 * balance is held: nothing of it is written, it is recorded in {@code card.held_account}
 * and taken out of the chunk (Spring Batch does not count it as written), and every other
 * account is saved. Each following run of the job retries it; once it passes, its hold is
 * released. More holds in the partition than the threshold
 * ({@link HeldAccounts#threshold}) is a systemic fault: the step fails and what it held
 * on its date is forgotten.
 *
 * @param <T> the per-account item
 * @param <R> what the rules made of one account, for {@link #save}
 */
public abstract class AccountWork<T extends LedgerAccount, R>
		implements ItemStreamReader<T>, ItemWriter<T>, StepExecutionListener {

	/** One account's item with what its rules made of it. */
	public record Done<T, R>(T account, R result) {

	}

	protected final DataSource dataSource;

	protected final JdbcTemplate jdbc;

	protected LocalDate businessDate;

	protected Partition partition;

	private AccountReader<T> reader;

	/** Set by {@link LedgerJobs}: how the chunks run. */
	Settings settings;

	record Settings(String job, boolean checked, int readAhead, TransactionTemplate savepoints, long holdMinimum) {

	}

	private HeldAccounts held;

	private long threshold;

	private long stepExecutionId;

	private boolean anyHeld;

	private long heldInStep;

	protected AccountWork(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/** The query; its positional parameters are {@link #parameters()}. */
	protected abstract String sql();

	protected abstract Object[] parameters();

	protected abstract T start(ResultSet first) throws SQLException;

	protected abstract void add(T item, ResultSet row) throws SQLException;

	/** Reads what the rules of a chunk's accounts need, a query per table. */
	protected abstract void load(List<? extends T> accounts);

	/** The money rules for one account: plain values, no I/O; an exception holds it. */
	protected abstract R apply(T account);

	/** Writes what the rules made of {@code done}, in the chunk's transaction. */
	protected abstract void save(List<Done<T, R>> done);

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

	/** The accounts {@code job} holds now (for the posting jobs' readers). */
	protected final String heldByThisJob() {
		return "SELECT account_id FROM card.held_account WHERE released_on IS NULL AND job = '" + this.settings.job()
				+ "'";
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.businessDate = RunParameters.of(stepExecution.getJobParameters()).businessDate();
		this.partition = Partition.of(stepExecution.getJobParameters());
		this.stepExecutionId = stepExecution.getId();
		this.held = new HeldAccounts(this.jdbc);
		Object[] p = this.partition.parameters();
		long accounts = this.jdbc.queryForObject(
				"SELECT count(*) FROM card.account WHERE " + Partition.condition("account_id"), Long.class, p[0], p[1],
				p[2]);
		this.threshold = HeldAccounts.threshold(accounts, this.settings.holdMinimum());
		this.anyHeld = Boolean.TRUE.equals(this.jdbc.queryForObject(
				"SELECT EXISTS (" + heldByThisJob() + " AND " + Partition.condition("account_id") + ")", Boolean.class,
				p[0], p[1], p[2]));
		this.heldInStep = stepExecution.getExecutionContext().getLong("held", 0L);
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
		}, this.settings.readAhead(), parameters());
		if (watermark() != null) {
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
	public void update(ExecutionContext executionContext) {
		executionContext.putLong("held", this.heldInStep);
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
	public void write(Chunk<? extends T> chunk) {
		load(chunk.getItems());
		List<Done<T, R>> done = new ArrayList<>();
		List<HeldAccounts.Hold> holds = new ArrayList<>();
		for (T account : chunk) {
			try {
				done.add(new Done<>(account, apply(account)));
			}
			catch (RuntimeException ex) {
				holds.add(new HeldAccounts.Hold(account.accountId, "the ledger rules refused it: " + ex.getMessage()));
			}
		}
		List<Done<T, R>> saved = saveHolding(done, holds);
		if (!holds.isEmpty()) {
			this.held.hold(this.settings.job(), this.businessDate, this.stepExecutionId, holds);
			this.anyHeld = true;
			long heldNow = this.held.held(this.settings.job(), this.businessDate, this.partition);
			if (heldNow > this.threshold) {
				throw this.held.systemic(this.settings.job(), this.businessDate, this.partition, heldNow,
						this.threshold);
			}
			Set<String> heldIds = new HashSet<>();
			holds.forEach(hold -> heldIds.add(hold.accountId()));
			for (var items = chunk.iterator(); items.hasNext();) {
				if (heldIds.contains(items.next().accountId)) {
					items.remove();
				}
			}
			this.heldInStep += holds.size();
		}
		if (this.anyHeld) {
			this.held.release(this.settings.job(), this.businessDate,
					saved.stream().map(d -> d.account().accountId).toList());
		}
	}

	/**
	 * Saves {@code done} under a savepoint; what a check or a constraint refuses is held
	 * and the rest saved again.
	 * @return what was saved
	 */
	private List<Done<T, R>> saveHolding(List<Done<T, R>> done, List<HeldAccounts.Hold> holds) {
		if (done.isEmpty()) {
			return done;
		}
		try {
			this.settings.savepoints().executeWithoutResult(status -> {
				save(done);
				if (this.settings.checked()) {
					Map<String, Long> outOfBalance = LedgerCheck.outOfBalance(this.jdbc,
							done.stream().map(d -> d.account().accountId).toList());
					if (!outOfBalance.isEmpty()) {
						throw new OutOfBalance(outOfBalance);
					}
				}
			});
			return done;
		}
		catch (OutOfBalance ex) {
			ex.accounts.forEach((account, difference) -> holds.add(new HeldAccounts.Hold(account,
					"out of balance with its journal by " + difference + " yen" + LedgerCheck.ADVICE)));
			return saveHolding(done.stream().filter(d -> !ex.accounts.containsKey(d.account().accountId)).toList(),
					holds);
		}
		catch (RuntimeException ex) {
			if (!DataFault.refused(ex)) {
				throw ex;
			}
			if (done.size() == 1) {
				holds.add(new HeldAccounts.Hold(done.get(0).account().accountId,
						"the database refused its rows: " + DataFault.reason(ex)));
				return List.of();
			}
			List<Done<T, R>> saved = new ArrayList<>(saveHolding(done.subList(0, done.size() / 2), holds));
			saved.addAll(saveHolding(done.subList(done.size() / 2, done.size()), holds));
			return saved;
		}
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		if (stepExecution.getStatus() == BatchStatus.FAILED && stepExecution.getFailureExceptions()
			.stream()
			.anyMatch(HeldAccounts.SystemicFault.class::isInstance)) {
			this.held.forget(this.stepExecutionId, this.businessDate);
		}
		if (!ExitStatus.COMPLETED.getExitCode().equals(stepExecution.getExitStatus().getExitCode())) {
			return null;
		}
		return new ExitStatus("COMPLETED", this.partition + ", business date " + this.businessDate + ": "
				+ stepExecution.getWriteCount() + " accounts processed"
				+ (this.settings.checked() ? ", each checked against its journal: 0 out of balance" : "")
				+ (this.heldInStep == 0 ? "" : "; " + this.heldInStep + " held for an operator (report.held_account)"));
	}

	/** The accounts a chunk's ledger check found out of balance, and by how much. */
	private static final class OutOfBalance extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final transient Map<String, Long> accounts;

		OutOfBalance(Map<String, Long> accounts) {
			super(accounts.size() + " accounts out of balance");
			this.accounts = accounts;
		}

	}

}
