package jp.settlementbatch.support.intake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jp.settlementbatch.support.csv.RecordFileReader;
import jp.settlementbatch.support.db.PgCopy;
import jp.settlementbatch.support.files.FileStore;
import jp.settlementbatch.support.intake.ImportFiles.ImportFile;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The chunked load of one file: reader, line rules and COPY writer of one step execution.
 * An accepted line goes into the chunk's COPY as soon as it is read, inside the chunk's
 * transaction; the writer ends the COPY and records the rejects. A thin adapter: the
 * reading is {@link RecordFileReader}, the rules are the kind's {@link DetailRule} and
 * its {@link AccountBook} check, the writing is {@link DetailCopy} and, for rejects,
 * {@link PgCopy}.
 */
final class LoadStep implements ItemStreamReader<CheckedLine>, ItemWriter<CheckedLine>, StepExecutionListener {

	private final FileKind kind;

	private final String prefix;

	private final FileStore files;

	private final ImportFiles importFiles;

	private final DataSource dataSource;

	private RecordFileReader reader;

	private LineCheck check;

	private ReadAhead readAhead;

	private final int readAheadCapacity;

	private long fileId;

	private DetailCopy details;

	private long duplicates;

	/** Execution-context key of the number of duplicate lines skipped so far. */
	static final String DUPLICATES = "intake.duplicates";

	LoadStep(FileKind kind, String prefix, FileStore files, ImportFiles importFiles, DataSource dataSource,
			int chunkSize) {
		this.readAheadCapacity = Math.max(2 * chunkSize, 16);
		this.kind = kind;
		this.prefix = prefix;
		this.files = files;
		this.importFiles = importFiles;
		this.dataSource = dataSource;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.reader = null;
		Optional<IntakeInput> input = IntakeInput.from(stepExecution.getJobParameters(), this.prefix);
		Optional<ImportFile> file = this.importFiles
			.ofJobInstance(stepExecution.getJobExecution().getJobInstance().getInstanceId(), this.kind.fileType());
		if (input.isEmpty() || file.isEmpty() || !file.get().loading()) {
			// nothing to load: an absent optional file, or one already decided at receive
			return;
		}
		LocalDate businessDate = stepExecution.getJobParameters().getLocalDate("business.date");
		this.fileId = file.get().fileId();
		this.reader = new RecordFileReader(this.files, input.get().object(), businessDate, this.kind.moneyField());
		AccountBook accounts = this.kind.accounts() == FileKind.Accounts.ANY ? null
				: AccountBook.read(new JdbcTemplate(this.dataSource));
		this.details = new DetailCopy(this.kind, this.dataSource);
		this.check = new LineCheck(this.kind, businessDate, accounts, this.details.encoder(this.fileId));
	}

	@Override
	public void open(ExecutionContext context) {
		if (this.reader != null) {
			this.readAhead = new ReadAhead(this.reader, this.check, context, this.readAheadCapacity);
			this.duplicates = context.getLong(DUPLICATES, 0L);
		}
	}

	@Override
	public void update(ExecutionContext context) {
		if (this.readAhead != null) {
			this.readAhead.update(context);
			context.putLong(DUPLICATES, this.duplicates);
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

	@Override
	public CheckedLine read() {
		if (this.readAhead == null) {
			return null;
		}
		CheckedLine line;
		try {
			line = this.readAhead.next();
		}
		catch (RuntimeException ex) {
			this.details.cancel(); // the chunk rolls back; its COPY must end first
			throw ex;
		}
		if (line != null && line.isAccepted()) {
			this.details.add(this.fileId, line);
		}
		return line;
	}

	@Override
	public void write(Chunk<? extends CheckedLine> chunk) {
		List<CheckedLine> accepted = new ArrayList<>(chunk.size());
		List<CheckedLine> rejected = new ArrayList<>();
		for (CheckedLine line : chunk) {
			(line.isAccepted() ? accepted : rejected).add(line);
		}
		if (!accepted.isEmpty()) {
			DetailCopy.Outcome outcome = this.details.write(this.fileId, accepted);
			rejected.addAll(outcome.rejected());
			this.duplicates += outcome.duplicates();
		}
		if (!rejected.isEmpty()) {
			PgCopy rejects = PgCopy.into(this.dataSource, "batch.import_reject",
					"file_id, line_number, reason, raw_line");
			for (CheckedLine line : rejected) {
				rejects.row(this.fileId, line.lineNumber(), line.reason(), line.maskedRaw());
			}
			rejects.finish();
		}
	}

}
