package jp.settlementbatch.support.intake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jp.settlementbatch.support.config.RunParameters;
import jp.settlementbatch.support.csv.RecordFileReader;
import jp.settlementbatch.support.db.PgCopy;
import jp.settlementbatch.support.intake.ImportFiles.ImportFile;
import jp.settlementbatch.support.intake.IntakeSteps.IntakeContext;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The {@code load} step of one file: each call loads the next chunk of lines (the
 * configured number, 50,000 by default) in the call's transaction and says whether lines
 * remain.
 * <ol>
 * <li>{@link ReadAhead} reads and checks the next lines on a second thread
 * ({@link RecordFileReader} for the format, {@link LineCheck} for the PAN guard, the
 * kind's line rules and the account named);</li>
 * <li>each accepted line streams into the chunk's COPY ({@link DetailCopy}) as it comes,
 * so PostgreSQL takes in the chunk while the rest of it is read;</li>
 * <li>the COPY ends, and the rejects of the chunk (by line rule, or by the unique key as
 * the rows went in) go into {@code batch.import_reject}; the lines whose account is not
 * in the card master yet are marked pending ({@link PendingLines});</li>
 * <li>the lines count as read and written through the call's {@link StepContribution},
 * and Spring Batch saves the reader's position after the chunk ({@link #update}) in the
 * same transaction, so a restart goes on after the last committed chunk.</li>
 * </ol>
 * A file already decided at receive, or an absent optional one, loads nothing.
 */
final class LoadTasklet implements Tasklet, ItemStream, StepExecutionListener {

	/** Execution-context key of the number of duplicate lines skipped so far. */
	static final String DUPLICATES = "intake.duplicates";

	/** Execution-context key of what the duplicate lines skipped so far amounted to. */
	static final String DUPLICATE_AMOUNT = "intake.duplicate_amount";

	private final FileKind kind;

	private final String prefix;

	private final IntakeContext context;

	private long fileId;

	private LocalDate businessDate;

	private RecordFileReader reader;

	private LineCheck check;

	private DetailCopy details;

	private ReadAhead readAhead;

	private long duplicates;

	private java.math.BigInteger duplicateAmount = java.math.BigInteger.ZERO;

	LoadTasklet(FileKind kind, String prefix, IntakeContext context) {
		this.kind = kind;
		this.prefix = prefix;
		this.context = context;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.reader = null;
		Optional<IntakeInput> input = IntakeInput.from(stepExecution.getJobParameters(), this.prefix);
		Optional<ImportFile> file = this.context.importFiles()
			.ofJobInstance(stepExecution.getJobExecution().getJobInstance().getInstanceId(), this.kind.fileType());
		if (input.isEmpty() || file.isEmpty() || !file.get().loading()) {
			return;
		}
		LocalDate businessDate = RunParameters.of(stepExecution.getJobParameters()).businessDate();
		this.businessDate = businessDate;
		this.fileId = file.get().fileId();
		this.reader = new RecordFileReader(this.context.files(), input.get().object(), businessDate,
				this.kind.moneyField());
		AccountBook accounts = this.kind.accounts() == FileKind.Accounts.ANY ? null
				: AccountBook.read(this.context.dataSource());
		this.details = new DetailCopy(this.kind, this.context.dataSource());
		this.check = new LineCheck(this.kind, businessDate, accounts, this.details.encoder(this.fileId));
	}

	@Override
	public void open(ExecutionContext context) {
		if (this.reader != null) {
			this.readAhead = new ReadAhead(this.reader, this.check, context, this.context.chunkSize());
			this.duplicates = context.getLong(DUPLICATES, 0L);
			this.duplicateAmount = new java.math.BigInteger(context.getString(DUPLICATE_AMOUNT, "0"));
		}
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		if (this.readAhead == null) {
			return RepeatStatus.FINISHED;
		}
		List<CheckedLine> accepted = new ArrayList<>();
		List<CheckedLine> rejected = new ArrayList<>();
		int lines = 0;
		try {
			List<CheckedLine> block;
			while (lines < this.context.chunkSize() && (block = this.readAhead.next()) != null) {
				for (CheckedLine line : block) {
					if (line.isAccepted()) {
						this.details.add(this.fileId, line);
						accepted.add(line);
					}
					else {
						rejected.add(line);
					}
					contribution.incrementReadCount();
				}
				lines += block.size();
			}
		}
		catch (RuntimeException ex) {
			this.details.cancel(); // the chunk rolls back; its COPY must end first
			throw ex;
		}
		if (!accepted.isEmpty()) {
			DetailCopy.Outcome outcome = this.details.write(this.fileId, accepted);
			rejected.addAll(outcome.rejected());
			this.duplicates += outcome.duplicates();
			this.duplicateAmount = this.duplicateAmount.add(outcome.duplicateAmount());
			this.context.pendingLines().wait(this.kind, this.fileId, this.businessDate, accepted);
		}
		if (!rejected.isEmpty()) {
			PgCopy rejects = PgCopy.into(this.context.dataSource(), "batch.import_reject",
					"file_id, line_number, reason, raw_line, amount");
			for (CheckedLine line : rejected) {
				rejects.row(this.fileId, line.lineNumber(), line.reason(), line.maskedRaw(), line.amount());
			}
			rejects.finish();
		}
		contribution.incrementWriteCount(lines);
		return RepeatStatus.continueIf(this.readAhead.hasMore());
	}

	@Override
	public void update(ExecutionContext context) {
		if (this.readAhead != null) {
			this.readAhead.update(context);
			context.putLong(DUPLICATES, this.duplicates);
			context.putString(DUPLICATE_AMOUNT, this.duplicateAmount.toString());
		}
	}

	@Override
	public void close() {
		if (this.details != null) {
			this.details.cancel();
		}
		if (this.readAhead != null) {
			this.readAhead.close();
			this.readAhead = null;
		}
	}

}
