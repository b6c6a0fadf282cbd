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

	CALENDAR("import-calendar", "input", "syukujitsu.csv"), ACCOUNTS("import-accounts", "input", "accounts_%s.csv"),
	CASH_FLOWS("import-cash-flows", "input", "cashflow_%s.csv"),
	REPAYMENTS("import-repayments", "input", "repayment_%s.csv"),
	WATCHLIST("import-applications", "watchlist", "watchlist_%s.csv"),
	APPLICATIONS("import-applications", "input", "applications_%s.csv");

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

	/** The files a job imports; empty for jobs that read no file. */
	public static List<InboundFile> of(String job) {
		return Arrays.stream(values()).filter(f -> f.job.equals(job)).toList();
	}

}
