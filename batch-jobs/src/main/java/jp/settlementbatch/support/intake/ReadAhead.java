package jp.settlementbatch.support.intake;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import jp.settlementbatch.support.csv.ReadState;
import jp.settlementbatch.support.csv.RecordFileReader;
import jp.settlementbatch.support.csv.RecordLine;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Reads and checks the next lines of a file on a second thread while the step writes the
 * current chunk, so parsing overlaps with PostgreSQL taking in the previous COPY.
 *
 * <p>
 * The lines go to the step in blocks of at most {@value #BLOCK}. A block never crosses a
 * chunk boundary: the blocks of a chunk hold exactly {@code chunkLines} lines (the last
 * block of a chunk is shorter when {@value #BLOCK} does not divide it).
 *
 * <p>
 * Restart semantics are those of the plain reader: each block carries the reader's
 * position just after its last line, and {@link #update} saves the position after the
 * last block handed to the step, never of lines read ahead. Lines read ahead and not yet
 * handed over when the step ends are simply read again by the next attempt.
 */
final class ReadAhead implements AutoCloseable {

	/** The most lines in a block. */
	static final int BLOCK = 256;

	/**
	 * Blocks that may wait, read ahead, for the step: enough to carry it over a chunk's
	 * commit, few enough that memory does not grow with the chunk size.
	 */
	static final int WAITING = 64;

	/**
	 * A block for the step: its lines, the position after them (null after a failure),
	 * whether the file ends with it, and the failure that stopped the reading, if any.
	 */
	private record Handover(List<CheckedLine> lines, ReadState after, boolean end, RuntimeException failure) {

	}

	private final BlockingQueue<Handover> queue;

	private final int chunkLines;

	private final Thread worker;

	private ReadState handedOver;

	private boolean ended;

	/** A block taken by {@link #hasMore()}, not yet handed over. */
	private Handover waiting;

	private RuntimeException failure;

	private volatile boolean closed;

	/** {@code chunkLines}: lines per chunk. */
	ReadAhead(RecordFileReader reader, LineCheck check, ExecutionContext context, int chunkLines) {
		if (chunkLines < 1) {
			throw new IllegalArgumentException("A chunk holds at least one line, not " + chunkLines);
		}
		this.queue = new ArrayBlockingQueue<>(WAITING);
		this.chunkLines = chunkLines;
		reader.open(context);
		this.handedOver = reader.state().copy();
		this.worker = new Thread(() -> prepare(reader, check), "read-ahead");
		this.worker.setDaemon(true);
		this.worker.start();
	}

	private void prepare(RecordFileReader reader, LineCheck check) {
		CheckedLine[] block = new CheckedLine[BLOCK];
		int size = 0;
		int inChunk = 0;
		try {
			RecordLine line;
			while (!this.closed && (line = reader.read()) != null) {
				// checked before it takes a slot: a failing check leaves no gap
				CheckedLine checked = check.check(line);
				block[size++] = checked;
				boolean chunkEnds = ++inChunk == this.chunkLines;
				if (chunkEnds) {
					inChunk = 0;
				}
				if (size == BLOCK || chunkEnds) {
					this.queue.put(new Handover(lines(block, size), reader.state().copy(), false, null));
					block = new CheckedLine[BLOCK];
					size = 0;
				}
			}
			if (!this.closed) {
				// the end carries the final state: trailer checks, whole-file rejection
				this.queue.put(new Handover(lines(block, size), reader.state().copy(), true, null));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException | Error ex) {
			// the lines before the failure are handed over first, then the failure (an
			// Error too: the step must not wait for a thread that is gone)
			RuntimeException failure = (ex instanceof RuntimeException runtime) ? runtime
					: new IllegalStateException("The thread reading the file ahead failed: " + ex, ex);
			try {
				this.queue.put(new Handover(lines(block, size), null, false, failure));
			}
			catch (InterruptedException closing) {
				Thread.currentThread().interrupt();
			}
		}
		finally {
			reader.close();
		}
	}

	private static List<CheckedLine> lines(CheckedLine[] block, int size) {
		return Arrays.asList(size == block.length ? block : Arrays.copyOf(block, size));
	}

	/**
	 * The next block of checked lines, or null at the end of the file. A failure of the
	 * reading comes after the lines read before it, and again on every later call.
	 */
	List<CheckedLine> next() {
		Handover handover = (this.waiting != null) ? this.waiting : take();
		this.waiting = null;
		if (handover == null) {
			return null;
		}
		if (handover.after() != null) {
			this.handedOver = handover.after();
		}
		return handover.lines();
	}

	/**
	 * Whether lines remain: waits for the next block, which {@link #next} then hands
	 * over. A failure of the reading counts as more, so that {@link #next} throws it.
	 */
	boolean hasMore() {
		if (this.waiting == null) {
			try {
				this.waiting = take();
			}
			catch (RuntimeException ex) {
				return true;
			}
		}
		return this.waiting != null;
	}

	/**
	 * The next handover with lines, or null at the end (whose final position, with the
	 * trailer's checks, then counts as handed over).
	 */
	private Handover take() {
		while (true) {
			if (this.failure != null) {
				throw this.failure;
			}
			if (this.ended) {
				return null;
			}
			Handover handover;
			try {
				handover = this.queue.poll(1, TimeUnit.SECONDS);
				if (handover == null && !this.worker.isAlive()) {
					handover = this.queue.poll();
					if (handover == null) {
						throw new IllegalStateException("The thread reading the file ahead ended without handing over"
								+ " its lines: run the same command again.");
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while reading ahead", ex);
			}
			if (handover == null) {
				continue;
			}
			this.failure = handover.failure();
			this.ended = handover.end();
			if (!handover.lines().isEmpty()) {
				return handover;
			}
			if (handover.after() != null) {
				this.handedOver = handover.after();
			}
		}
	}

	/** Saves the position after the last block handed to the step. */
	void update(ExecutionContext context) {
		this.handedOver.saveTo(context);
	}

	@Override
	public void close() {
		this.closed = true;
		this.worker.interrupt();
		try {
			this.worker.join(10_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
