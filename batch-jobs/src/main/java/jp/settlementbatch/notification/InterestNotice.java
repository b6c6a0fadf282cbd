package jp.settlementbatch.notification;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * One line of the interest notification file (files.md). Money is integer yen; accrued
 * amounts are floored per year basis from their exact sums, as the cycle close will post
 * them.
 */
record InterestNotice(String accountId, LocalDate businessDate, LocalDate cycleStart, long interestAccrued,
		long interestBearingBalance, LocalDate nextDueDate, long minimumPaymentDue, long daysOverdue,
		long lateChargeAccrued) {

	private static final JsonFactory JSON = new JsonFactory();

	/**
	 * Whether the member is told anything: interest is running, has run, or money is
	 * overdue.
	 */
	boolean worthTelling() {
		return this.interestBearingBalance > 0 || this.interestAccrued > 0 || this.daysOverdue > 0;
	}

	/** The JSON line, keys in the order of files.md. */
	String toJson() {
		StringWriter line = new StringWriter(256);
		try (JsonGenerator json = JSON.createGenerator(line)) {
			json.writeStartObject();
			json.writeStringField("account_id", this.accountId);
			json.writeStringField("business_date", this.businessDate.toString());
			date(json, "cycle_start", this.cycleStart);
			json.writeNumberField("interest_accrued_cycle_to_date", this.interestAccrued);
			json.writeNumberField("interest_bearing_balance", this.interestBearingBalance);
			date(json, "next_due_date", this.nextDueDate);
			json.writeNumberField("minimum_payment_due", this.minimumPaymentDue);
			json.writeNumberField("days_overdue", this.daysOverdue);
			json.writeNumberField("late_charge_accrued", this.lateChargeAccrued);
			json.writeEndObject();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return line.toString();
	}

	private static void date(JsonGenerator json, String name, LocalDate date) throws IOException {
		if (date == null) {
			json.writeNullField(name);
		}
		else {
			json.writeStringField(name, date.toString());
		}
	}

}
