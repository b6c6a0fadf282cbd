package jp.settlementbatch.support.intake;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import jp.settlementbatch.support.csv.ReadState;
import jp.settlementbatch.support.csv.RecordFileReader;
import jp.settlementbatch.support.csv.RecordLine;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Reads and checks the next lines of a file on a second thread while the step writes the
 * current chunk, so parsing overlaps with PostgreSQL taking in the previous COPY.
 *
 * <p>
 * Restart semantics are those of the plain reader: each prepared line carries the
 * reader's position just after it, and {@link #update} saves the position of the last
 * line handed to the step, never of lines read ahead. Lines read ahead and not yet handed
 * over when the step ends are simply read again by the next attempt.
 *
 * <p>
 * Lines go from the worker to the step in batches of {@value #BATCH}, so the two threads
 * meet once per batch rather than once per line; the step still reads them one by one.
 */
final class ReadAhead implements AutoCloseable {

	/** Lines handed from the worker to the step at a time: one queue operation each. */
	static final int BATCH = 256;

	private record Prepared(CheckedLine line, ReadState after) {

	}

	/** A run of prepared lines; the last batch of the file ends with a null line. */
	private record Batch(Prepared[] lines, int size, RuntimeException failure) {

	}

	private final BlockingQueue<Batch> queue;

	private final Thread worker;

	private ReadState handedOver;

	private Batch current = new Batch(new Prepared[0], 0, null);

	private int next;

	private boolean ended;

	private volatile boolean closed;

	/** {@code capacity}: about how many lines may wait, read ahead, for the step. */
	ReadAhead(RecordFileReader reader, LineCheck check, ExecutionContext context, int capacity) {
		this.queue = new ArrayBlockingQueue<>(Math.max(capacity / BATCH, 2));
		reader.open(context);
		this.handedOver = reader.state().copy();
		this.worker = new Thread(() -> prepare(reader, check), "read-ahead");
		this.worker.setDaemon(true);
		this.worker.start();
	}

	private void prepare(RecordFileReader reader, LineCheck check) {
		Prepared[] batch = new Prepared[BATCH];
		int size = 0;
		try {
			RecordLine line;
			while (!this.closed && (line = reader.read()) != null) {
				// made before it takes a slot: a failing check leaves no gap
				Prepared prepared = new Prepared(check.check(line), reader.state().copy());
				batch[size++] = prepared;
				if (size == BATCH) {
					this.queue.put(new Batch(batch, size, null));
					batch = new Prepared[BATCH];
					size = 0;
				}
			}
			if (!this.closed) {
				// the end also carries the final state: trailer checks, whole-file
				// rejection
				batch[size++] = new Prepared(null, reader.state().copy());
				this.queue.put(new Batch(batch, size, null));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			// the lines before the failure are handed over first, then the failure
			try {
				this.queue.put(new Batch(batch, size, ex));
			}
			catch (InterruptedException closing) {
				Thread.currentThread().interrupt();
			}
		}
		finally {
			reader.close();
		}
	}

	/** The next checked line, or null at the end of the file. */
	CheckedLine next() {
		if (this.ended) {
			return null;
		}
		while (this.next == this.current.size()) {
			// this batch is handed over: its failure, if any, else the next batch
			if (this.current.failure() != null) {
				throw this.current.failure();
			}
			try {
				this.current = this.queue.take();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while reading ahead", ex);
			}
			this.next = 0;
		}
		Prepared prepared = this.current.lines()[this.next];
		this.current.lines()[this.next++] = null; // handed over: the chunk holds it now
		this.handedOver = prepared.after();
		if (prepared.line() == null) {
			this.ended = true; // later calls see the end too
		}
		return prepared.line();
	}

	/** Saves the position after the last line handed to the step. */
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
