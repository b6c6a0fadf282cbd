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
 */
final class ReadAhead implements AutoCloseable {

	private record Prepared(CheckedLine line, ReadState after, RuntimeException failure) {

	}

	private static final Prepared END = new Prepared(null, null, null);

	private final BlockingQueue<Prepared> queue;

	private final Thread worker;

	private ReadState handedOver;

	private volatile boolean closed;

	ReadAhead(RecordFileReader reader, LineCheck check, ExecutionContext context, int capacity) {
		this.queue = new ArrayBlockingQueue<>(capacity);
		reader.open(context);
		this.handedOver = reader.state().copy();
		this.worker = new Thread(() -> prepare(reader, check), "read-ahead");
		this.worker.setDaemon(true);
		this.worker.start();
	}

	private void prepare(RecordFileReader reader, LineCheck check) {
		try {
			RecordLine line;
			while (!this.closed && (line = reader.read()) != null) {
				this.queue.put(new Prepared(check.check(line), reader.state().copy(), null));
			}
			if (!this.closed) {
				// the end also carries the final state: trailer checks, whole-file
				// rejection
				this.queue.put(new Prepared(null, reader.state().copy(), null));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			this.queue.offer(new Prepared(null, null, ex));
		}
		finally {
			reader.close();
		}
	}

	/** The next checked line, or null at the end of the file. */
	CheckedLine next() {
		Prepared prepared;
		try {
			prepared = this.queue.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while reading ahead", ex);
		}
		if (prepared.failure() != null) {
			throw prepared.failure();
		}
		if (prepared.after() != null) {
			this.handedOver = prepared.after();
		}
		if (prepared.line() == null) {
			this.queue.offer(END); // later calls see the end too
			return null;
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
