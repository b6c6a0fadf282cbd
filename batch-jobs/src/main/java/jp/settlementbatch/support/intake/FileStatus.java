package jp.settlementbatch.support.intake;

/**
 * What the import decided of a registered file ({@code batch.import_file.status}, whose
 * check constraint lists the same five).
 */
public enum FileStatus {

	/** Being loaded: its lines are not visible to anyone yet. */
	LOADING,

	/** Taken in: its accepted lines are there for the ledger. */
	ACCEPTED,

	/** Refused as a whole, for its reason ({@code reject_reason}). */
	REJECTED,

	/** The same bytes as a file already accepted for its date: nothing taken in. */
	DUPLICATE,

	/** Its import was abandoned by an operator: the same bytes may come again. */
	ABANDONED

}
