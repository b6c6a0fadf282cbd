package jp.settlementbatch.cli;

import java.time.LocalDate;

import picocli.CommandLine.Option;

/**
 * Where a run date's files are, and its outputs go: the options of run, daily and files.
 */
class DayOptions {

	@Option(names = "--business-date", required = true, paramLabel = "YYYY-MM-DD",
			description = "The business date (Asia/Tokyo), 2026-11-20 or 20261120.")
	String businessDate;

	@Option(names = "--inbox", paramLabel = "URI", defaultValue = "${env:SETTLEMENT_INBOX}",
			description = "Where the inbound files are found by name (SETTLEMENT_INBOX); {date} stands for the date, for per-date folders (e.g. sample-files/{date}).")
	String inbox;

	@Option(names = "--outbox", paramLabel = "URI", defaultValue = "${env:SETTLEMENT_OUTBOX:-out}",
			description = "Where outputs, reports and reject files go. Default: ${DEFAULT-VALUE}.")
	String outbox;

	LocalDate date() {
		return Jobs.businessDate(this.businessDate);
	}

}
