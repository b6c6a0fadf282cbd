package jp.settlementbatch.support.csv;

import java.math.BigInteger;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/** Where a {@link RecordFileReader} stands, as saved in the step's execution context. */
public final class ReadState {

	long offset;

	int physicalLines;

	boolean headerSeen;

	boolean trailerSeen;

	boolean finished;

	long details;

	BigInteger amountTotal = BigInteger.ZERO;

	long encodingErrors;

	long trailerCount = -1;

	/** The trailer's amount_total, or null when it is not an integer. */
	BigInteger trailerTotal;

	FileRejection rejection;

	public long details() {
		return this.details;
	}

	/**
	 * The sum of the money column over every D record, exact whatever the size of a
	 * line's amount (a line's amount out of range is its own reject, not a broken total).
	 */
	public BigInteger amountTotal() {
		return this.amountTotal;
	}

	public long encodingErrors() {
		return this.encodingErrors;
	}

	public FileRejection rejection() {
		return this.rejection;
	}

	public boolean finished() {
		return this.finished;
	}

	/** A copy of this state, as it stands now. */
	public ReadState copy() {
		ReadState copy = new ReadState();
		copy.offset = this.offset;
		copy.physicalLines = this.physicalLines;
		copy.headerSeen = this.headerSeen;
		copy.trailerSeen = this.trailerSeen;
		copy.finished = this.finished;
		copy.details = this.details;
		copy.amountTotal = this.amountTotal;
		copy.encodingErrors = this.encodingErrors;
		copy.trailerCount = this.trailerCount;
		copy.trailerTotal = this.trailerTotal;
		copy.rejection = this.rejection;
		return copy;
	}

	/** Saves this state where a {@link RecordFileReader} restores it from. */
	public void saveTo(ExecutionContext context) {
		save(context, RecordFileReader.KEY);
	}

	void save(ExecutionContext context, String prefix) {
		context.putLong(prefix + "offset", this.offset);
		context.putInt(prefix + "physicalLines", this.physicalLines);
		context.putString(prefix + "flags",
				(this.headerSeen ? "H" : "") + (this.trailerSeen ? "T" : "") + (this.finished ? "F" : ""));
		context.putLong(prefix + "details", this.details);
		context.putString(prefix + "amountTotal", this.amountTotal.toString());
		context.putLong(prefix + "encodingErrors", this.encodingErrors);
		context.putLong(prefix + "trailerCount", this.trailerCount);
		context.putString(prefix + "trailerTotal", this.trailerTotal == null ? "" : this.trailerTotal.toString());
		context.putString(prefix + "rejection", this.rejection == null ? "" : this.rejection.name());
	}

	void restore(ExecutionContext context, String prefix) {
		if (!context.containsKey(prefix + "offset")) {
			return;
		}
		this.offset = context.getLong(prefix + "offset");
		this.physicalLines = context.getInt(prefix + "physicalLines");
		String flags = context.getString(prefix + "flags");
		this.headerSeen = flags.contains("H");
		this.trailerSeen = flags.contains("T");
		this.finished = flags.contains("F");
		this.details = context.getLong(prefix + "details");
		this.amountTotal = new BigInteger(context.get(prefix + "amountTotal").toString());
		this.encodingErrors = context.getLong(prefix + "encodingErrors");
		this.trailerCount = context.getLong(prefix + "trailerCount");
		String trailerTotal = context.get(prefix + "trailerTotal").toString();
		this.trailerTotal = trailerTotal.isEmpty() ? null : new BigInteger(trailerTotal);
		String rejection = context.getString(prefix + "rejection");
		this.rejection = rejection.isEmpty() ? null : FileRejection.valueOf(rejection);
	}

	/** Reads a state saved by a reader, for the steps after the load. */
	public static ReadState from(ExecutionContext context) {
		ReadState state = new ReadState();
		state.restore(context, RecordFileReader.KEY);
		return state;
	}

}
