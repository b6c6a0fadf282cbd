package jp.settlementbatch.statement;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import jp.settlementbatch.ledger.Accrued;
import jp.settlementbatch.ledger.AmountsDue;
import jp.settlementbatch.ledger.EntryKind;
import jp.settlementbatch.ledger.LedgerAccount;
import jp.settlementbatch.ledger.Position;
import jp.settlementbatch.ledger.StatementCycle;

/**
 * Closing one account's cycle on its closing date X (ledger.md):
 * <ul>
 * <li>the cycle's accrued interest and late charges are posted, each year basis floored
 * to the yen from its exact sum (the fraction is dropped); a net credit (catch-up rows
 * that reversed charges already posted) is truncated toward zero and applied like a
 * repayment, in the allocation order, and counts toward the earlier amounts due;</li>
 * <li>the statement is frozen from the journal of the cycle;</li>
 * <li>the statement's amount due is opened ({@link AmountsDue#open}) with its due date,
 * payment_day of the next month moved to the next business day.</li>
 * </ul>
 */
public final class StatementClose {

	private StatementClose() {
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
	 * What a close posts: the statement, the interest and late charges it posted
	 * (signed), and the principal a net credit paid.
	 */
	public record Closed(Statement statement, long interestPosted, long lateChargesPosted,
			Position.PrincipalChange creditedPrincipal) {

	}

	/**
	 * Closes {@code account}'s cycle ending {@code closingDate}.
	 * @param journal the cycle's journal before this close
	 * @param posting the accruals this close posts
	 * @param remaining the accruals already booked for later cycles (they stay accrued)
	 */
	public static Closed close(LedgerAccount account, AmountsDue amountsDue, LocalDate closingDate, long openingBalance,
			Map<EntryKind, Long> journal, Accrued posting, Accrued remaining, Set<LocalDate> holidays) {
		Position position = account.position();
		long interest = posting.postedInterest();
		long lateCharges = posting.postedLateCharges();
		Position.PrincipalChange byInterest = position.post(EntryKind.INTEREST, interest);
		Position.PrincipalChange byLateCharges = position.post(EntryKind.LATE_CHARGE, lateCharges);
		long credit = Math.max(0, -interest) + Math.max(0, -lateCharges);
		if (credit > 0) {
			amountsDue.credit(new AmountsDue.Credit(AmountsDue.Source.CREDIT, closingDate, closingDate, credit, null));
		}
		LocalDate cycleStart = position.lastClosedOn().plusDays(1);
		position.closed(closingDate, remaining);

		long purchases = journal.getOrDefault(EntryKind.PURCHASE, 0L);
		long refunds = journal.getOrDefault(EntryKind.REFUND, 0L);
		long cashAdvances = journal.getOrDefault(EntryKind.CASH_ADVANCE, 0L);
		long fees = journal.getOrDefault(EntryKind.FEE, 0L);
		long repayments = journal.getOrDefault(EntryKind.REPAYMENT, 0L);
		long cycleInterest = journal.getOrDefault(EntryKind.INTEREST, 0L) + interest;
		long cycleLateCharges = journal.getOrDefault(EntryKind.LATE_CHARGE, 0L) + lateCharges;
		long closingBalance = openingBalance + purchases - refunds + cashAdvances + fees + cycleInterest
				+ cycleLateCharges - repayments;
		LedgerAccount.Terms terms = account.terms();
		long minimumPayment = MinimumPayment.of(terms.revolving(), closingBalance, position.billed());
		LocalDate dueDate = StatementCycle.dueDate(closingDate, terms.paymentDay(), holidays);
		long amountDue = amountsDue.open(closingDate, dueDate, minimumPayment, closingBalance,
				fees + cycleInterest + cycleLateCharges);
		Statement statement = new Statement(account.accountId, closingDate, cycleStart, dueDate, openingBalance,
				purchases, refunds, cashAdvances, fees, cycleInterest, cycleLateCharges, repayments, closingBalance,
				minimumPayment, amountDue);
		return new Closed(statement, interest, lateCharges, new Position.PrincipalChange(
				byInterest.shopping() + byLateCharges.shopping(), byInterest.cash() + byLateCharges.cash()));
	}

}
