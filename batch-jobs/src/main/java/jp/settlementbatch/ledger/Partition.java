package jp.settlementbatch.ledger;

import jp.settlementbatch.support.config.RunParameters;

import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * The accounts a partitioned run touches: partition {@code index} of {@code count}
 * ({@code card.partition_of}), or all accounts.
 */
public record Partition(int index, int count) {

	public static final Partition ALL = new Partition(0, 1);

	/** From the job parameter {@code partition} ("i/N"); all accounts when absent. */
	public static Partition of(JobParameters parameters) {
		String text = RunParameters.of(parameters).partition();
		if (text == null) {
			return ALL;
		}
		String[] parts = text.split("/");
		return new Partition(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
	}

	/**
	 * A condition on {@code column} with three positional parameters, see
	 * {@link #parameters()}.
	 */
	public static String condition(String column) {
		return "(? = 1 OR card.partition_of(" + column + ", ?) = ?)";
	}

	public Object[] parameters() {
		return new Object[] { this.count, this.count, this.index };
	}

	@Override
	public String toString() {
		return this == ALL || this.count == 1 ? "all accounts" : "partition " + this.index + "/" + this.count;
	}

}
