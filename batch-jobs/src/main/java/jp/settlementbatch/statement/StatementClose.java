package jp.settlementbatch.statement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import jp.settlementbatch.ledger.LedgerAccount;
import jp.settlementbatch.ledger.StatementCycle;
import jp.settlementbatch.ledger.Position;

/**
 * Closing one account's cycle on its closing date X (ledger.md): the cycle's accrued
 * interest and late charges are posted, each year basis floored to the yen on its own
 * (the fraction is dropped); the statement is frozen from the journal of the cycle; the
 * amount due is the minimum payment plus whatever of the previous amount due is still
 * unpaid (and an account overdue at the close stays overdue from its first overdue day
 * until that is paid); the due date is payment_day of the next month, moved to the next
 * business day.
 */
public final class StatementClose {

	private StatementClose() {
	}

	/** Accruals of the cycle being closed, per kind and year basis. */
	public record CycleAccruals(BigDecimal interest365, BigDecimal interest366, BigDecimal lateCharge365,
			BigDecimal lateCharge366) {

		public static final CycleAccruals NONE = new CycleAccruals(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
				BigDecimal.ZERO);

		long interest() {
			return floor(this.interest365) + floor(this.interest366);
		}

		long lateCharges() {
			return floor(this.lateCharge365) + floor(this.lateCharge366);
		}

		private static long floor(BigDecimal amount) {
			return amount.setScale(0, RoundingMode.FLOOR).longValueExact();
		}

	}

	/** A frozen statement. */
	public record Statement(String accountId, LocalDate closingDate, LocalDate cycleStart, LocalDate dueDate,
			long openingBalance, long purchases, long refunds, long cashAdvances, long fees, long interest,
			long lateCharges, long repayments, long closingBalance, long minimumPayment, long amountDue) {

		/** A statement with nothing on it is not sent. */
		public boolean empty() {
			return this.openingBalance == 0 && this.purchases == 0 && this.refunds == 0 && this.cashAdvances == 0
					&& this.fees == 0 && this.interest == 0 && this.lateCharges == 0 && this.repayments == 0
					&& this.closingBalance == 0;
		}

	}

	/**
	 * Closes {@code account}'s cycle ending {@code closingDate}.
	 * @param journal the cycle's journal before posting interest: gross amount per kind
	 * (PURCHASE, REFUND, CASH_ADVANCE, FEE, REPAYMENT, and INTEREST/LATE_CHARGE if any)
	 * @param posting the accruals the close posts
	 * @param remaining the accruals already booked for later cycles (they stay accrued)
	 */
	public static Statement close(LedgerAccount account, LocalDate closingDate, long openingBalance,
			Map<String, Long> journal, CycleAccruals posting, CycleAccruals remaining, Set<LocalDate> holidays) {
		Position position = account.position;
		long interest = posting.interest();
		long lateCharges = posting.lateCharges();
		position.postInterest(interest);
		position.postLateCharge(lateCharges);
		position.interest365 = remaining.interest365();
		position.interest366 = remaining.interest366();
		position.lateCharge365 = remaining.lateCharge365();
		position.lateCharge366 = remaining.lateCharge366();

		long purchases = journal.getOrDefault("PURCHASE", 0L);
		long refunds = journal.getOrDefault("REFUND", 0L);
		long cashAdvances = journal.getOrDefault("CASH_ADVANCE", 0L);
		long fees = journal.getOrDefault("FEE", 0L);
		long repayments = journal.getOrDefault("REPAYMENT", 0L);
		long cycleInterest = journal.getOrDefault("INTEREST", 0L) + interest;
		long cycleLateCharges = journal.getOrDefault("LATE_CHARGE", 0L) + lateCharges;
		long closingBalance = openingBalance + purchases - refunds + cashAdvances + fees + cycleInterest
				+ cycleLateCharges - repayments;
		long minimumPayment = MinimumPayment.of(account.revolving ? "REVOLVING" : "LUMP_SUM", closingBalance,
				position.billed());

		// when the close runs on a later day, that day's repayments count toward the new
		// statement, not the previous one
		boolean repaidAfterClose = position.repaidOn != null && position.repaidOn.isAfter(closingDate);
		long repaidAfter = repaidAfterClose ? position.repaidThatDay : 0;
		long principalRepaidAfter = repaidAfterClose ? position.principalRepaidThatDay : 0;
		long repaidBefore = position.repaidSinceClose - repaidAfter;
		long principalRepaidBefore = position.principalRepaidSinceClose - principalRepaidAfter;
		long unpaid = Math.max(0, position.amountDue - repaidBefore);
		boolean overdue = position.overdueOn(closingDate, repaidBefore);
		long overduePrincipal = position.overduePrincipalOn(closingDate, repaidBefore, principalRepaidBefore);
		LocalDate overdueSince = !overdue ? null
				: position.pastDue > repaidBefore ? position.overdueSince : position.dueDate.plusDays(1);
		long amountDue = Math.min(Math.max(closingBalance, 0), minimumPayment + unpaid);
		LocalDate dueDate = StatementCycle.dueDate(closingDate, account.paymentDay, holidays);

		position.overdueSince = overdueSince;
		position.pastDue = overdue ? Math.min(unpaid, amountDue) : 0;
		position.pastDuePrincipal = overdue ? overduePrincipal : 0;
		LocalDate cycleStart = position.lastClosedOn.plusDays(1);
		position.lastClosedOn = closingDate;
		position.dueDate = dueDate;
		position.amountDue = amountDue;
		position.duePrincipal = Math.max(0, amountDue - position.billed());
		position.repaidSinceClose = repaidAfter;
		position.principalRepaidSinceClose = principalRepaidAfter;
		return new Statement(account.accountId, closingDate, cycleStart, dueDate, openingBalance, purchases, refunds,
				cashAdvances, fees, cycleInterest, cycleLateCharges, repayments, closingBalance, minimumPayment,
				amountDue);
	}

}
