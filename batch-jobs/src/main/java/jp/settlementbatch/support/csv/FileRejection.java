package jp.settlementbatch.support.csv;

/**
 * Why a whole file is turned away (exit code 3). Nothing of such a file becomes visible.
 */
public enum FileRejection {

	EMPTY_FILE("the file is empty"), NOT_UTF8("the file is not UTF-8"),
	HEADER_MISSING("the first record is not an H header"),
	HEADER_INVALID("the header record does not have the fields H,file_id,business_date,sender,created_at"),
	BUSINESS_DATE_MISMATCH("the header's business_date is not the business date of the run"),
	TRAILER_MISSING("the file has no T trailer: it was probably truncated in transfer"),
	RECORD_AFTER_TRAILER("records follow the T trailer"),
	TRAILER_COUNT_MISMATCH("the trailer's detail_count does not match the D records"),
	TRAILER_TOTAL_MISMATCH("the trailer's amount_total does not match the D records"),
	REJECT_RATIO_EXCEEDED("more lines were rejected than --max-reject-ratio allows"),
	CONFLICTING_FILE("a different file of this type was already accepted for this business date"),
	INVALID_CALENDAR("the holiday calendar has a line that is not yyyy/M/d,name"),
	PAN_DETECTED("a card number (PAN) stands in the header or trailer record"),
	LAST_LINE_TOO_LONG("the last line runs on past 64 KiB to the end of the file without a line feed: the file was"
			+ " cut or is not a record file");

	private final String description;

	FileRejection(String description) {
		this.description = description;
	}

	public String description() {
		return this.description;
	}

}
