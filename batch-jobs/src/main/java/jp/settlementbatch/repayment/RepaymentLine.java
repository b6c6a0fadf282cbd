package jp.settlementbatch.repayment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import jp.settlementbatch.support.intake.DetailRule;
import jp.settlementbatch.support.intake.Fields;
import jp.settlementbatch.support.intake.LineRejected;

/**
 * Line rules of the ATM repayment system's file:
 * {@code D,repayment_id,account_id,amount,paid_at,channel,store_code}. The value date is
 * the date of paid_at in Asia/Tokyo.
 */
final class RepaymentLine implements DetailRule {

	static final String COLUMNS = "repayment_id, account_id, amount, paid_at, value_date, channel, store_code";

	private static final Set<String> CHANNELS = Set.of("ATM", "BANK_TRANSFER", "DIRECT_DEBIT");

	@Override
	public Object[] check(String[] f, LocalDate businessDate) throws LineRejected {
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
		return new Object[] { repaymentId, accountId, amount, paidAt, valueDate, channel, storeCode };
	}

}
