package jp.settlementbatch.ledger;

/**
 * What a journal entry ({@code card.ledger_entry}) records: the cash-flow types, the
 * charges a cycle close posts, and repayments. Only interest and late charges may be
 * negative: a cycle's net credit (ledger.md, "A net credit").
 */
public enum EntryKind {

	PURCHASE, REFUND, CASH_ADVANCE, FEE, INTEREST, LATE_CHARGE, REPAYMENT;

	/** Whether the entry adds to what the account owes (else it takes from it). */
	public boolean owes() {
		return this != REFUND && this != REPAYMENT;
	}

}
