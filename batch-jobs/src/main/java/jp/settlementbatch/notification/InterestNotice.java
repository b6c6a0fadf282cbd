package jp.settlementbatch.notification;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * One line of the interest notification file (files.md). Money is integer yen; accrued
 * amounts are floored per year basis, as the cycle close will post them.
 */
record InterestNotice(String accountId, LocalDate businessDate, LocalDate cycleStart, long interestAccrued,
		long interestBearingBalance, LocalDate nextDueDate, long minimumPaymentDue, long daysOverdue,
		long lateChargeAccrued) {

	static long floored(BigDecimal basis365, BigDecimal basis366) {
		return basis365.setScale(0, RoundingMode.FLOOR).longValueExact()
				+ basis366.setScale(0, RoundingMode.FLOOR).longValueExact();
	}

	/**
	 * Whether the member is told anything: interest is running, has run, or money is
	 * overdue.
	 */
	boolean worthTelling() {
		return this.interestBearingBalance > 0 || this.interestAccrued > 0 || this.daysOverdue > 0;
	}

	/** The JSON line, keys in the order of files.md. */
	String toJson() {
		return "{\"account_id\":\"" + this.accountId + "\",\"business_date\":\"" + this.businessDate
				+ "\",\"cycle_start\":" + quoted(this.cycleStart) + ",\"interest_accrued_cycle_to_date\":"
				+ this.interestAccrued + ",\"interest_bearing_balance\":" + this.interestBearingBalance
				+ ",\"next_due_date\":" + quoted(this.nextDueDate) + ",\"minimum_payment_due\":"
				+ this.minimumPaymentDue + ",\"days_overdue\":" + this.daysOverdue + ",\"late_charge_accrued\":"
				+ this.lateChargeAccrued + "}";
	}

	private static String quoted(LocalDate date) {
		return date == null ? "null" : "\"" + date + "\"";
	}

}
