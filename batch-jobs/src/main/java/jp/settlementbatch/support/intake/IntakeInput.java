package jp.settlementbatch.support.intake;

import java.util.Optional;

import jp.settlementbatch.support.files.StoredObject;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * An input file of an import run, as pinned in the job parameters: the SHA-256 is
 * identifying (it makes the job instance), the location and object version are not.
 */
public record IntakeInput(StoredObject object, String sha256) {

	/** The prefix of an import's file. */
	public static final String INPUT = "input";

	/** The prefix of import-applications' second file. */
	public static final String WATCHLIST = "watchlist";

	public static final String NONE = "none";

	public void addTo(JobParametersBuilder builder, String prefix) {
		builder.addString(prefix + ".sha256", this.sha256, true)
			.addString(prefix + ".uri", this.object.uri(), false)
			.addString(nameKey(prefix), this.object.name(), false)
			.addString(prefix + ".version", this.object.version(), false)
			.addLong(prefix + ".size", this.object.size(), false);
	}

	/**
	 * Marks an optional input as absent: still identifying, so its later arrival is a new
	 * run.
	 */
	public static void addAbsent(JobParametersBuilder builder, String prefix) {
		builder.addString(prefix + ".sha256", NONE, true);
	}

	/**
	 * Marks an input re-opened {@code times} times by an operator (identifying: the same
	 * bytes then make a new job instance).
	 */
	public static void addReopened(JobParametersBuilder builder, String prefix, long times) {
		builder.addLong(prefix + ".reopened", times, true);
	}

	/** The key of the input's file name. */
	public static String nameKey(String prefix) {
		return prefix + ".name";
	}

	public static Optional<IntakeInput> from(JobParameters parameters, String prefix) {
		String sha = parameters.getString(prefix + ".sha256");
		if (sha == null || NONE.equals(sha)) {
			return Optional.empty();
		}
		return Optional.of(new IntakeInput(
				new StoredObject(parameters.getString(prefix + ".uri"), parameters.getString(nameKey(prefix)),
						parameters.getLong(prefix + ".size"), parameters.getString(prefix + ".version")),
				sha));
	}

}
