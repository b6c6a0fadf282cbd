package jp.settlementbatch.cashflow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Pattern;

import jp.settlementbatch.support.intake.Fields;
import jp.settlementbatch.support.intake.LineRejected;

/**
 * A line of the payment processor's cash-flow file, as a row of
 * {@code payment.cash_flow}, and its rules ({@link #check}). The file's D record is
 * {@code D,transaction_id,account_id,type,amount,currency,transacted_at,merchant_name,mcc,card_last4,original_transaction_id};
 * the value date is the date of transacted_at in Asia/Tokyo.
 */
record CashFlowLine(String transactionId, String accountId, String type, long amount, String currency,
		Instant transactedAt, LocalDate valueDate, String merchantName, String mcc, String cardLast4,
		String originalTransactionId) {

	private static final Set<String> TYPES = Set.of("PURCHASE", "REFUND", "CASH_ADVANCE", "FEE");

	private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

	/** The line of a D record's fields, or why it is rejected. */
	static CashFlowLine check(String[] f, LocalDate businessDate) throws LineRejected {
		String transactionId = Fields.id(f[1], "transaction_id");
		String accountId = Fields.accountId(f[2], "account_id");
		String type = Fields.oneOf(f[3], "type", TYPES);
		long amount = Fields.yen(f[4], "amount", 1, 99_999_999L);
		if (!"JPY".equals(f[5])) {
			throw CURRENCY.matcher(f[5]).matches() ? new LineRejected("UNSUPPORTED_CURRENCY")
					: LineRejected.invalid("currency");
		}
		Instant at = Fields.instant(f[6], "transacted_at");
		LocalDate valueDate = Fields.tokyoDate(at);
		if (valueDate.isAfter(businessDate)) {
			throw new LineRejected("VALUE_DATE_IN_FUTURE");
		}
		String merchantName = Fields.text(f[7], "merchant_name", 100, false);
		boolean fee = "FEE".equals(type);
		String mcc = fee ? emptyOr(f[8], "mcc") : Fields.digits(f[8], "mcc", 4);
		String cardLast4 = Fields.digits(f[9], "card_last4", 4);
		String original = null;
		if ("REFUND".equals(type)) {
			original = Fields.id(f[10], "original_transaction_id");
		}
		else if (!f[10].isEmpty()) {
			throw LineRejected.invalid("original_transaction_id");
		}
		return new CashFlowLine(transactionId, accountId, type, amount, "JPY", at, valueDate, merchantName, mcc,
				cardLast4, original);
	}

	private static String emptyOr(String value, String field) throws LineRejected {
		if (!value.isEmpty()) {
			throw LineRejected.invalid(field);
		}
		return null;
	}

}
