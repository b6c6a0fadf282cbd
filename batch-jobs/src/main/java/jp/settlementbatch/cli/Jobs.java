package jp.settlementbatch.cli;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jp.settlementbatch.day.DailyWorkflow;

/**
 * The job names of the contract, in the order of the daily workflow, and argument checks.
 */
final class Jobs {

	/** The jobs of the daily workflow, in order (jobs.json). */
	static final List<String> DAILY_ORDER = DailyWorkflow.defined().order();

	/** The jobs the daily run fans out per partition (jobs.json). */
	static final List<String> PARTITIONED = DailyWorkflow.defined().partitioned();

	private Jobs() {
	}

	/** For picocli's completion candidates and help. */
	static final class Names extends ArrayList<String> {

		Names() {
			super(DAILY_ORDER);
		}

	}

	/**
	 * A business date as 2026-11-20, or as 20261120 (the form file names and S3 keys
	 * carry).
	 */
	static LocalDate businessDate(String text) {
		try {
			return text != null && text.length() == 8 ? LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE)
					: LocalDate.parse(text);
		}
		catch (DateTimeParseException | NullPointerException ex) {
			throw new IllegalArgumentException("--business-date must be a date like 2026-11-20, not '" + text + "'.");
		}
	}

	static void requireKnown(String job) {
		if (!DAILY_ORDER.contains(job)) {
			throw new IllegalArgumentException("Unknown job '" + job + "'. Jobs: " + String.join(", ", DAILY_ORDER));
		}
	}

	/** The jobs that take {@code --partition}. */
	static final List<String> TAKE_A_PARTITION = List.of("update-statements", "update-repayments", "accrue-interest",
			"close-statements", "notify-interest");

	static void checkPartition(String job, String partition) {
		if (partition == null) {
			return;
		}
		if (!TAKE_A_PARTITION.contains(job)) {
			// An import keyed by a partition would be a second run of the same file.
			throw new IllegalArgumentException(job + " does not take --partition: only "
					+ String.join(", ", TAKE_A_PARTITION) + " do. Run it without --partition.");
		}
		String[] parts = partition.split("/");
		try {
			int i = Integer.parseInt(parts[0]);
			int n = Integer.parseInt(parts[1]);
			if (parts.length == 2 && n >= 1 && i >= 0 && i < n) {
				return;
			}
		}
		catch (RuntimeException ex) {
			// fall through
		}
		throw new IllegalArgumentException(
				"--partition must be i/N with 0 <= i < N, like 0/4, not '" + partition + "'.");
	}

}
