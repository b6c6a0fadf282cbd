package jp.settlementbatch.repayment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import jp.settlementbatch.support.intake.Fields;
import jp.settlementbatch.support.intake.LineRejected;

/**
 * A line of the ATM repayment system's file, as a row of {@code repayment.repayment}, and
 * its rules ({@link #check}). The D record is
 * {@code D,repayment_id,account_id,amount,paid_at,channel,store_code}. The value date is
 * the date of paid_at in Asia/Tokyo.
 */
record RepaymentLine(String repaymentId, String accountId, long amount, Instant paidAt, LocalDate valueDate,
		String channel, String storeCode) {

	private static final Set<String> CHANNELS = Set.of("ATM", "BANK_TRANSFER", "DIRECT_DEBIT");

	/** The line of a D record's fields, or why it is rejected. */
	static RepaymentLine check(String[] f, LocalDate businessDate) throws LineRejected {
		String repaymentId = Fields.id(f[1], "repayment_id");
		String accountId = Fields.accountId(f[2], "account_id");
		long amount = Fields.yen(f[3], "amount", 1, 999_999_999L);
		// PostgreSQL reads the ISO-8601 text itself; only the value date is computed
		// here.
		Instant paidAt = Fields.instant(f[4], "paid_at");
		LocalDate valueDate = Fields.tokyoDate(paidAt);
		if (valueDate.isAfter(businessDate)) {
			throw new LineRejected("VALUE_DATE_IN_FUTURE");
		}
		String channel = Fields.oneOf(f[5], "channel", CHANNELS);
		String storeCode = f[6].isEmpty() ? null : Fields.id(f[6], "store_code");
		return new RepaymentLine(repaymentId, accountId, amount, paidAt, valueDate, channel, storeCode);
	}

}
