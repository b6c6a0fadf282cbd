package jp.settlementbatch.support.intake;

import java.time.LocalDate;
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

/**
 * The chunked load of one file: reader, line rules and COPY writer of one step execution.
 * A thin adapter: the reading is {@link RecordFileReader}, the rules are the kind's
 * {@link DetailRule}, the writing is {@link PgCopy}.
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
		this.check = new LineCheck(this.kind, businessDate);
	}

	@Override
	public void open(ExecutionContext context) {
		if (this.reader != null) {
			this.readAhead = new ReadAhead(this.reader, this.check, context, this.readAheadCapacity);
		}
	}

	@Override
	public void update(ExecutionContext context) {
		if (this.readAhead != null) {
			this.readAhead.update(context);
		}
	}

	@Override
	public void close() {
		if (this.readAhead != null) {
			this.readAhead.close();
			this.readAhead = null;
		}
	}

	@Override
	public CheckedLine read() {
		return this.readAhead == null ? null : this.readAhead.next();
	}

	@Override
	public void write(Chunk<? extends CheckedLine> chunk) {
		PgCopy lines = null;
		PgCopy rejects = null;
		for (CheckedLine line : chunk) {
			if (line.isAccepted()) {
				if (lines == null) {
					lines = PgCopy.into(this.dataSource, this.kind.table(),
							"file_id, line_number, " + this.kind.columns());
				}
				Object[] values = new Object[line.values().length + 2];
				values[0] = this.fileId;
				values[1] = line.lineNumber();
				System.arraycopy(line.values(), 0, values, 2, line.values().length);
				lines.row(values);
			}
		}
		if (lines != null) {
			lines.finish();
		}
		for (CheckedLine line : chunk) {
			if (!line.isAccepted()) {
				if (rejects == null) {
					rejects = PgCopy.into(this.dataSource, "batch.import_reject",
							"file_id, line_number, reason, raw_line");
				}
				rejects.row(this.fileId, line.lineNumber(), line.reason(), line.maskedRaw());
			}
		}
		if (rejects != null) {
			rejects.finish();
		}
	}

}
