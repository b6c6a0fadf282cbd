package jp.settlementbatch.account;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import jp.settlementbatch.support.intake.Fields;
import jp.settlementbatch.support.intake.LineRejected;

/**
 * A line of the accounts file (card master sync), as a row of
 * {@code card.account_change}, and its rules ({@link #check}). The D record is
 * {@code D,account_id,customer_id,status,opened_on,repayment_method,shopping_limit,cash_limit,shopping_apr,cash_apr,closing_day,payment_day}.
 */
record AccountLine(String accountId, String customerId, String status, LocalDate openedOn, String repaymentMethod,
		long shoppingLimit, long cashLimit, BigDecimal shoppingApr, BigDecimal cashApr, int closingDay,
		int paymentDay) {

	private static final Set<String> STATUSES = Set.of("ACTIVE", "SUSPENDED", "CLOSED");

	private static final Set<String> METHODS = Set.of("REVOLVING", "LUMP_SUM");

	/** The line of a D record's fields, or why it is rejected. */
	static AccountLine check(String[] f, LocalDate businessDate) throws LineRejected {
		String accountId = Fields.accountId(f[1], "account_id");
		String customerId = Fields.id(f[2], "customer_id");
		String status = Fields.oneOf(f[3], "status", STATUSES);
		LocalDate openedOn = Fields.date(f[4], "opened_on");
		String method = Fields.oneOf(f[5], "repayment_method", METHODS);
		long shoppingLimit = Fields.yen(f[6], "shopping_limit", 0, 999_999_999L);
		long cashLimit = Fields.yen(f[7], "cash_limit", 0, 999_999_999L);
		BigDecimal shoppingApr = Fields.rate(f[8], "shopping_apr");
		BigDecimal cashApr = Fields.rate(f[9], "cash_apr");
		int closingDay = Fields.day(f[10], "closing_day");
		int paymentDay = Fields.day(f[11], "payment_day");
		if (!InterestRateCap.shoppingAprAllowed(shoppingApr) || !InterestRateCap.cashAprAllowed(cashApr, cashLimit)) {
			throw new LineRejected("INTEREST_RATE_CAP_EXCEEDED");
		}
		return new AccountLine(accountId, customerId, status, openedOn, method, shoppingLimit, cashLimit, shoppingApr,
				cashApr, closingDay, paymentDay);
	}

}
