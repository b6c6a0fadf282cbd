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

import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * The chunked load of one file: reader, line rules and COPY writer of one step execution.
 * An accepted line goes into the chunk's COPY as soon as it is read, inside the chunk's
 * transaction; the writer ends the COPY and records the rejects. A thin adapter: the
 * reading is {@link RecordFileReader}, the rules are the kind's {@link DetailRule} and
 * its {@link AccountBook} check, the writing is {@link DetailCopy} and, for rejects,
 * {@link PgCopy}.
 *
 * <p>
 * The step's items are {@linkplain LineBlock blocks} of lines, {@link #chunkSize} of them
 * to a chunk of the configured number of lines; Spring Batch counts one read and one
 * write per block, and this step adds the rest of each block's lines to the step's read
 * and write counts, so operators see lines, as with one line per item.
 */
final class LoadStep implements ItemStreamReader<LineBlock>, ItemWriter<LineBlock>, StepExecutionListener,
		ChunkListener<LineBlock, LineBlock> {

	private final FileKind kind;

	private final String prefix;

	private final FileStore files;

	private final ImportFiles importFiles;

	private final DataSource dataSource;

	private RecordFileReader reader;

	private LineCheck check;

	private ReadAhead readAhead;

	private final int chunkLines;

	private StepExecution stepExecution;

	/**
	 * Lines read (written) in this chunk beyond the one per block Spring Batch counts.
	 */
	private long uncountedReads;

	private long uncountedWrites;

	private long fileId;

	private DetailCopy details;

	private long duplicates;

	/** Execution-context key of the number of duplicate lines skipped so far. */
	static final String DUPLICATES = "intake.duplicates";

	LoadStep(FileKind kind, String prefix, FileStore files, ImportFiles importFiles, DataSource dataSource,
			int chunkSize) {
		this.chunkLines = chunkSize;
		this.kind = kind;
		this.prefix = prefix;
		this.files = files;
		this.importFiles = importFiles;
		this.dataSource = dataSource;
	}

	/** Blocks to a chunk: the step's chunk size in items. */
	int chunkSize() {
		return ReadAhead.blocksPerChunk(this.chunkLines);
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.stepExecution = stepExecution;
		this.uncountedReads = 0;
		this.uncountedWrites = 0;
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
		AccountBook accounts = this.kind.accounts() == FileKind.Accounts.ANY ? null : AccountBook.read(this.dataSource);
		this.details = new DetailCopy(this.kind, this.dataSource);
		this.check = new LineCheck(this.kind, businessDate, accounts, this.details.encoder(this.fileId));
	}

	@Override
	public void open(ExecutionContext context) {
		if (this.reader != null) {
			this.readAhead = new ReadAhead(this.reader, this.check, context, this.chunkLines);
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
	public LineBlock read() {
		if (this.readAhead == null) {
			return null;
		}
		LineBlock block;
		try {
			block = this.readAhead.next();
		}
		catch (RuntimeException ex) {
			this.details.cancel(); // the chunk rolls back; its COPY must end first
			throw ex;
		}
		if (block != null) {
			for (CheckedLine line : block.lines()) {
				if (line.isAccepted()) {
					this.details.add(this.fileId, line);
				}
			}
			this.uncountedReads += block.size() - 1;
		}
		return block;
	}

	@Override
	public void write(Chunk<? extends LineBlock> chunk) {
		List<CheckedLine> accepted = new ArrayList<>(chunk.size() * ReadAhead.BLOCK);
		List<CheckedLine> rejected = new ArrayList<>();
		long lines = 0;
		for (LineBlock block : chunk) {
			for (CheckedLine line : block.lines()) {
				(line.isAccepted() ? accepted : rejected).add(line);
			}
			lines += block.size();
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
		this.uncountedWrites += lines - chunk.size();
	}

	/*
	 * Registered before the progress listener, this runs after it (Spring Batch calls
	 * afterChunk in reverse order), so progress lines show whole chunks of lines.
	 */
	@Override
	public void afterChunk(Chunk<LineBlock> chunk) {
		countLines();
	}

	@Override
	public void onChunkError(Exception exception, Chunk<LineBlock> chunk) {
		countLines();
	}

	/** Adds the lines Spring Batch did not count to the step's counts. */
	private void countLines() {
		this.stepExecution.setReadCount(this.stepExecution.getReadCount() + this.uncountedReads);
		this.stepExecution.setWriteCount(this.stepExecution.getWriteCount() + this.uncountedWrites);
		this.uncountedReads = 0;
		this.uncountedWrites = 0;
	}

}
