package jp.settlementbatch.support.intake;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * The inbound files of files.md: their names in the inbox, the job that imports them, and
 * its parameter prefix.
 */
public enum InboundFile {

	CALENDAR("import-calendar", IntakeInput.INPUT, "syukujitsu.csv"),
	ACCOUNTS("import-accounts", IntakeInput.INPUT, "accounts_%s.csv"),
	CASH_FLOWS("import-cash-flows", IntakeInput.INPUT, "cashflow_%s.csv"),
	REPAYMENTS("import-repayments", IntakeInput.INPUT, "repayment_%s.csv"),
	WATCHLIST("import-applications", IntakeInput.WATCHLIST, "watchlist_%s.csv"),
	APPLICATIONS("import-applications", IntakeInput.INPUT, "applications_%s.csv");

	private final String job;

	private final String parameterPrefix;

	private final String fileName;

	InboundFile(String job, String parameterPrefix, String fileName) {
		this.job = job;
		this.parameterPrefix = parameterPrefix;
		this.fileName = fileName;
	}

	public String job() {
		return this.job;
	}

	public String parameterPrefix() {
		return this.parameterPrefix;
	}

	public String fileName(LocalDate businessDate) {
		return this.fileName.formatted(businessDate.format(DateTimeFormatter.BASIC_ISO_DATE));
	}

	/** The name pattern, with %s for the date (YYYYMMDD); the calendar has none. */
	public String fileName() {
		return this.fileName;
	}

	/** Whether this file's name carries a date. */
	public boolean dated() {
		return this.fileName.contains("%s");
	}

	/**
	 * The date in {@code name} when it is a name of this file
	 * ({@code cashflow_20261120.csv}), else null.
	 */
	public LocalDate dateIn(String name) {
		int at = this.fileName.indexOf("%s");
		if (at < 0 || name.length() != this.fileName.length() - 2 + 8
				|| !name.startsWith(this.fileName.substring(0, at))
				|| !name.endsWith(this.fileName.substring(at + 2))) {
			return null;
		}
		try {
			return LocalDate.parse(name.substring(at, at + 8), DateTimeFormatter.BASIC_ISO_DATE);
		}
		catch (java.time.format.DateTimeParseException ex) {
			return null;
		}
	}

	/** The file whose name pattern is {@code pattern}. */
	public static InboundFile named(String pattern) {
		return Arrays.stream(values())
			.filter(f -> f.fileName.equals(pattern))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No inbound file is named " + pattern));
	}

	/** The files a job imports; empty for jobs that read no file. */
	public static List<InboundFile> of(String job) {
		return Arrays.stream(values()).filter(f -> f.job.equals(job)).toList();
	}

}
