package jp.settlementbatch.support.intake;

import java.math.BigInteger;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import javax.sql.DataSource;

import jp.settlementbatch.support.config.RunParameters;
import jp.settlementbatch.support.csv.FileRejection;
import jp.settlementbatch.support.csv.ReadState;
import jp.settlementbatch.support.csv.RecordFileReader;
import jp.settlementbatch.support.csv.RecordLine;
import jp.settlementbatch.support.files.FileStore;
import jp.settlementbatch.support.intake.ImportFiles.ImportFile;
import jp.settlementbatch.support.progress.RunProgress;

import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The four steps that take in one file of a kind, in the order a job runs them (see the
 * package description): {@link #receive}, {@link #load}, {@link #settle} and
 * {@link #rejects}.
 */
public final class IntakeSteps {

	static final String DUPLICATE = "DUPLICATE";

	private static final String REJECTS_WRITTEN = "rejects.written";

	private final FileKind kind;

	private final String prefix;

	private final IntakeContext context;

	IntakeSteps(FileKind kind, String prefix, IntakeContext context) {
		this.kind = kind;
		this.prefix = prefix;
		this.context = context;
	}

	String stepName(String verb) {
		return verb + "-" + this.kind.slug();
	}

	/**
	 * Registers the file in {@code batch.import_file} as LOADING, or rejects it at once
	 * when a different file of the same type was already accepted for its date.
	 */
	public Step receive() {
		return tasklet(stepName("receive"), this::receive);
	}

	/** Checks every line and COPYs it into the kind's table or the rejects. */
	public Step load() {
		LoadTasklet load = new LoadTasklet(this.kind, this.prefix, this.context);
		return new StepBuilder(stepName("load"), this.context.jobRepository())
			.tasklet(load, this.context.transactionManager())
			.stream(load)
			.listener((StepExecutionListener) load)
			.listener((StepExecutionListener) this.context.stepListener())
			.listener((ChunkListener<?, ?>) this.context.stepListener())
			.build();
	}

	/**
	 * Runs the kind's set-based checks and the whole-file checks, then accepts the file
	 * (and publishes it) or rejects it, in one transaction.
	 */
	public Step settle() {
		return tasklet(stepName("settle"), this::settle);
	}

	/** Writes the reject file when an earlier attempt's settle step did not. */
	public Step rejects() {
		return tasklet(stepName("rejects"), this::writeRejects);
	}

	private Step tasklet(String name, TaskletBody body) {
		return new StepBuilder(name, this.context.jobRepository()).tasklet((contribution, chunkContext) -> {
			body.run(contribution, chunkContext.getStepContext().getStepExecution());
			return RepeatStatus.FINISHED;
		}, this.context.transactionManager()).listener((StepExecutionListener) this.context.stepListener()).build();
	}

	@FunctionalInterface
	private interface TaskletBody {

		void run(StepContribution contribution, StepExecution execution) throws Exception;

	}

	private void receive(StepContribution contribution, StepExecution execution) {
		JobParameters parameters = execution.getJobParameters();
		Optional<IntakeInput> input = IntakeInput.from(parameters, this.prefix);
		long instanceId = execution.getJobExecution().getJobInstance().getInstanceId();
		// Nothing to do for an absent optional file, or one an earlier attempt of this
		// run registered.
		if (input.isEmpty() || this.context.importFiles().ofJobInstance(instanceId, this.kind.fileType()).isPresent()) {
			return;
		}
		LocalDate businessDate = RunParameters.of(parameters).businessDate();
		ImportFiles files = this.context.importFiles();
		files.lockDay(this.kind.fileType(), businessDate);
		// a late file is taken in by the run of a later date (run.date, not identifying)
		LocalDate runDate = RunParameters.of(parameters).runDate();
		long fileId = files.register(input.get().object().name(), this.kind.fileType(), businessDate, runDate,
				input.get().sha256(), input.get().object().size(), input.get().object().uri(),
				input.get().object().version(), instanceId);
		Optional<ImportFile> accepted = files.accepted(this.kind.fileType(), businessDate);
		if (accepted.isPresent() && accepted.get().sha256().equals(input.get().sha256())) {
			files.duplicate(fileId);
		}
		else if (accepted.isPresent()) {
			files.reject(fileId, FileRejection.CONFLICTING_FILE, 0, 0, 0, java.math.BigInteger.ZERO);
		}
	}

	private void settle(StepContribution contribution, StepExecution execution) throws Exception {
		JobInstance instance = execution.getJobExecution().getJobInstance();
		Optional<ImportFile> registered = this.context.importFiles()
			.ofJobInstance(instance.getInstanceId(), this.kind.fileType());
		if (registered.isEmpty() || !registered.get().loading()) {
			return;
		}
		ImportFile file = registered.get();
		JobParameters parameters = execution.getJobParameters();
		LocalDate businessDate = RunParameters.of(parameters).businessDate();
		double maxRejectRatio = RunParameters.of(parameters).maxRejectRatio();
		StepExecution load = this.context.jobRepository().getLastStepExecution(instance, stepName("load"));
		ReadState read = ReadState.from(load.getExecutionContext());
		JdbcTemplate jdbc = this.context.jdbc();

		FileRejection rejection = read.rejection();
		if (rejection == null && read.encodingErrors() > maxRejectRatio * read.details()) {
			rejection = FileRejection.NOT_UTF8;
		}
		long duplicates = load.getExecutionContext().getLong(LoadTasklet.DUPLICATES, 0L);
		BigInteger duplicateAmount = new BigInteger(
				load.getExecutionContext().getString(LoadTasklet.DUPLICATE_AMOUNT, "0"));
		if (rejection == null && !this.kind.settleSql().isBlank()) {
			runStatements(this.kind.settleSql(), file.fileId(), businessDate);
			moveDatabaseRejects(file, parameters);
			if (this.kind.columnNames().contains("amount")) {
				String sum = "SELECT coalesce(sum(amount), 0) FROM " + this.kind.table()
						+ " WHERE file_id = ? AND reject_reason = ?";
				duplicateAmount = duplicateAmount
					.add(jdbc.queryForObject(sum, BigDecimal.class, file.fileId(), DUPLICATE).toBigInteger());
			}
			duplicates += jdbc.update("DELETE FROM " + this.kind.table() + " WHERE file_id = ? AND reject_reason = ?",
					file.fileId(), DUPLICATE);
		}
		long rejected = this.context.importFiles().rejectCount(file.fileId());
		if (rejection == null && rejected > maxRejectRatio * read.details()) {
			rejection = FileRejection.REJECT_RATIO_EXCEEDED;
		}
		ImportFiles files = this.context.importFiles();
		if (rejection == null) {
			files.lockDay(this.kind.fileType(), businessDate);
			Optional<ImportFile> accepted = files.accepted(this.kind.fileType(), businessDate);
			if (accepted.isPresent()) {
				rejection = FileRejection.CONFLICTING_FILE;
			}
		}
		// The reject file is written before the file's status changes, in this step's
		// transaction: an outbox that cannot take it fails the step with nothing of the
		// file visible, and the rerun settles again.
		if (rejected > 0) {
			writeRejectFile(file, RunParameters.of(parameters).outbox());
			execution.getExecutionContext().putString(REJECTS_WRITTEN, "true");
		}
		if (rejection != null) {
			jdbc.update("DELETE FROM " + this.kind.table() + " WHERE file_id = ?", file.fileId());
			this.context.pendingLines().discard(file.fileId());
			files.reject(file.fileId(), rejection, read.details(), rejected, duplicates, read.amountTotal());
			return;
		}
		runStatements(this.kind.publishSql(), file.fileId(), businessDate);
		long pending = (this.kind.accounts() == FileKind.Accounts.ANY) ? 0
				: this.context.pendingLines().count(this.kind.table(), file.fileId());
		files.accept(file.fileId(), read.details(), read.details() - rejected - duplicates - pending, rejected,
				duplicates, pending, read.amountTotal(), duplicateAmount);
	}

	private void runStatements(String script, long fileId, LocalDate businessDate) {
		NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(this.context.jdbc());
		MapSqlParameterSource parameters = new MapSqlParameterSource().addValue("file_id", fileId)
			.addValue("business_date", businessDate);
		// Our scripts end each statement with ; at a line end. Spring's ScriptUtils does
		// not fit: its splitter is not public in Framework 7, and executeSqlScript binds
		// no named parameters.
		for (String statement : script.split(";\\s*(\\n|$)")) {
			if (!statement.isBlank()) {
				named.execute(statement, parameters, PreparedStatement::execute);
			}
		}
	}

	/**
	 * Lines turned away by the set-based checks: their raw text is read again from the
	 * pinned file (rejects are rare, so the staged rows do not carry it), masked, and
	 * recorded.
	 */
	private void moveDatabaseRejects(ImportFile file, JobParameters parameters) {
		JdbcTemplate jdbc = this.context.jdbc();
		Map<Integer, String> reasons = new HashMap<>();
		jdbc.query("SELECT line_number, reject_reason FROM " + this.kind.table()
				+ " WHERE file_id = ? AND reject_reason IS NOT NULL AND reject_reason <> ?", rs -> {
					reasons.put(rs.getInt(1), rs.getString(2));
				}, file.fileId(), DUPLICATE);
		if (reasons.isEmpty()) {
			return;
		}
		IntakeInput input = IntakeInput.from(parameters, this.prefix).orElseThrow();
		TreeSet<Integer> wanted = new TreeSet<>(reasons.keySet());
		RecordFileReader reader = new RecordFileReader(this.context.files(), input.object(),
				RunParameters.of(parameters).businessDate(), this.kind.moneyField());
		List<Object[]> rows = new ArrayList<>();
		reader.open(new ExecutionContext());
		try {
			RecordLine line;
			while (!wanted.isEmpty() && (line = reader.read()) != null) {
				if (wanted.remove(line.lineNumber())) {
					rows.add(new Object[] { file.fileId(), line.lineNumber(), reasons.get(line.lineNumber()),
							line.rawLine().masked(), new BigDecimal(line.amount()) });
				}
			}
		}
		finally {
			reader.close();
		}
		jdbc.batchUpdate(
				"INSERT INTO batch.import_reject (file_id, line_number, reason, raw_line, amount) VALUES (?, ?, ?, ?, ?)",
				rows);
		jdbc.update(
				"DELETE FROM " + this.kind.table()
						+ " WHERE file_id = ? AND reject_reason IS NOT NULL AND reject_reason <> ?",
				file.fileId(), DUPLICATE);
	}

	/**
	 * Runs whose settle step wrote the reject file skip this; it writes the file for runs
	 * whose settle step completed before settle wrote it.
	 */
	private void writeRejects(StepContribution contribution, StepExecution execution) throws Exception {
		JobInstance instance = execution.getJobExecution().getJobInstance();
		StepExecution settle = this.context.jobRepository().getLastStepExecution(instance, stepName("settle"));
		if (settle != null && settle.getExecutionContext().containsKey(REJECTS_WRITTEN)) {
			return;
		}
		Optional<ImportFile> file = this.context.importFiles()
			.ofJobInstance(instance.getInstanceId(), this.kind.fileType());
		if (file.isEmpty() || this.context.importFiles().rejectCount(file.get().fileId()) == 0) {
			return;
		}
		writeRejectFile(file.get(), RunParameters.of(execution.getJobParameters()).outbox());
	}

	/** {@code <outbox>/rejects/<file>.rejects.csv}, from the file's recorded rejects. */
	private void writeRejectFile(ImportFile file, String outbox) throws Exception {
		String target = FileStore.resolve(outbox, "rejects", file.fileName() + ".rejects.csv");
		JdbcTemplate streaming = new JdbcTemplate(this.context.dataSource());
		streaming.setFetchSize(10_000);
		RejectFile.write(this.context.files(), target, lines -> streaming.query(
				"SELECT line_number, reason, raw_line FROM batch.import_reject WHERE file_id = ? ORDER BY line_number",
				rs -> {
					lines.line(rs.getInt(1), rs.getString(2), rs.getString(3));
				}, file.fileId()));
	}

	/** What every intake step needs. */
	record IntakeContext(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			DataSource dataSource, JdbcTemplate jdbc, FileStore files, ImportFiles importFiles, int chunkSize,
			RunProgress stepListener, PendingLines pendingLines) {

	}

}
