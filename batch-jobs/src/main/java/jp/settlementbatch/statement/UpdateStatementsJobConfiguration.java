package jp.settlementbatch.statement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import jp.settlementbatch.ledger.AccountWork;
import jp.settlementbatch.ledger.AmountsDue;
import jp.settlementbatch.ledger.AmountsDueRows;
import jp.settlementbatch.ledger.EntryKind;
import jp.settlementbatch.ledger.Journal;
import jp.settlementbatch.ledger.LedgerAccount;
import jp.settlementbatch.ledger.LedgerJobs;
import jp.settlementbatch.ledger.LedgerRows;
import jp.settlementbatch.ledger.Partition;
import jp.settlementbatch.ledger.Position;

import org.springframework.batch.core.job.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * {@code update-statements}: posts the business date's accepted cash flows to their
 * accounts' open cycle, in {@code transacted_at} order: the journal of the day per kind
 * (the statement lines are the cash flows themselves, {@code report.statement_line}), the
 * balances ({@link Position}) and the value-dated principal movements interest accrues
 * on. A refund of a purchase a statement billed counts toward that statement's amount due
 * ({@link AmountsDue}). An account held by this job on an earlier date is retried with
 * the cash flows it still has to post. Watermark:
 * {@code card.balance.statements_through}.
 */
@Configuration(proxyBeanMethods = false)
class UpdateStatementsJobConfiguration {

	static final String NAME = "update-statements";

	@Bean
	Job updateStatementsJob(LedgerJobs ledger, DataSource dataSource) {
		return ledger.postingJob(NAME, "post-cash-flows", new PostCashFlows(dataSource));
	}

	/**
	 * One cash flow to post.
	 *
	 * @param refunds for a refund, the purchase it refunds
	 */
	record CashFlow(EntryKind type, long amount, LocalDate valueDate, String refunds) {

	}

	/** One account's cash flows to post. */
	static final class AccountDay extends LedgerAccount {

		final List<CashFlow> cashFlows = new ArrayList<>();

		AmountsDue amountsDue = new AmountsDue();

		/**
		 * For its refunds, when it has amounts due: the date each refunded purchase was
		 * posted.
		 */
		final Map<String, LocalDate> purchasesPostedOn = new HashMap<>();

		AccountDay(String accountId) {
			super(accountId);
		}

	}

	static final class PostCashFlows extends AccountWork<AccountDay, Journal> {

		PostCashFlows(DataSource dataSource) {
			super(dataSource);
		}

		@Override
		protected String sql() {
			// the day's cash flows alone, narrow and sorted: of the files claimed for the
			// day, the lines released from waiting for their account, and those an
			// account held by this job still has to post; the terms and balances are read
			// per chunk, as this job writes them
			String partition = Partition.condition("c.account_id");
			return """
					SELECT account_id, type, amount, value_date, original_transaction_id FROM (
					SELECT c.account_id, f.posted_on, c.transacted_at, c.transaction_id, c.type, c.amount,
					       c.value_date, c.original_transaction_id
					FROM batch.import_file f
					JOIN payment.cash_flow c ON c.file_id = f.file_id AND c.reject_reason IS NULL
					     AND c.pending_since IS NULL AND c.released_on IS NULL
					WHERE f.file_type = 'CASH_FLOWS' AND f.status = 'ACCEPTED' AND f.posted_on = ? AND %1$s
					UNION ALL
					SELECT c.account_id, c.released_on, c.transacted_at, c.transaction_id, c.type, c.amount,
					       c.value_date, c.original_transaction_id
					FROM payment.cash_flow c
					WHERE c.released_on = ? AND c.reject_reason IS NULL AND %1$s
					UNION ALL
					SELECT c.account_id, f.posted_on, c.transacted_at, c.transaction_id, c.type, c.amount,
					       c.value_date, c.original_transaction_id
					FROM card.held_account h
					LEFT JOIN card.balance b ON b.account_id = h.account_id
					JOIN batch.import_file f ON f.file_type = 'CASH_FLOWS' AND f.status = 'ACCEPTED'
					     AND f.posted_on >= h.held_since AND f.posted_on < ?
					     AND f.posted_on > coalesce(b.statements_through, DATE '1900-01-01')
					JOIN payment.cash_flow c ON c.file_id = f.file_id AND c.account_id = h.account_id
					     AND c.reject_reason IS NULL AND c.pending_since IS NULL AND c.released_on IS NULL
					WHERE h.job = 'update-statements' AND h.released_on IS NULL AND %1$s
					) day
					ORDER BY account_id COLLATE "C", posted_on, transacted_at, transaction_id COLLATE "C"
					""".formatted(partition);
		}

		@Override
		protected String watermark() {
			return "statements_through";
		}

		@Override
		protected Object[] parameters() {
			Object[] p = this.partition.parameters();
			return new Object[] { this.businessDate, p[0], p[1], p[2], this.businessDate, p[0], p[1], p[2],
					this.businessDate, p[0], p[1], p[2] };
		}

		@Override
		protected AccountDay start(ResultSet first) throws SQLException {
			return new AccountDay(first.getString("account_id"));
		}

		@Override
		protected void add(AccountDay item, ResultSet row) throws SQLException {
			item.cashFlows.add(new CashFlow(EntryKind.valueOf(row.getString("type")), row.getLong("amount"),
					row.getObject("value_date", LocalDate.class), row.getString("original_transaction_id")));
		}

		@Override
		protected void load(List<? extends AccountDay> accounts) {
			LedgerRows.load(this.jdbc, accounts);
			Map<String, AccountDay> byId = new HashMap<>();
			accounts.forEach(account -> byId.put(account.accountId, account));
			Map<String, AmountsDue> dues = AmountsDueRows.load(this.jdbc, byId.keySet(), AmountsDueRows.UNPAID,
					AmountsDueRows.ANY_DUE_DATE);
			List<String> refunded = new ArrayList<>();
			dues.forEach((id, amounts) -> {
				AccountDay account = byId.get(id);
				account.amountsDue = amounts;
				if (!amounts.dues().isEmpty()) {
					account.cashFlows.stream()
						.filter(c -> c.type() == EntryKind.REFUND)
						.forEach(c -> refunded.add(c.refunds()));
				}
			});
			if (!refunded.isEmpty()) {
				// a refund counts toward the statements that billed its purchase
				Map<String, LocalDate> postedOn = new HashMap<>();
				this.jdbc.query("""
						SELECT c.transaction_id, f.posted_on FROM payment.cash_flow c
						JOIN batch.import_file f ON f.file_id = c.file_id
						WHERE c.transaction_id = ANY (CAST(? AS TEXT[])) AND f.posted_on IS NOT NULL""",
						(RowCallbackHandler) rs -> postedOn.put(rs.getString(1), rs.getObject(2, LocalDate.class)),
						(Object) refunded.toArray(String[]::new));
				for (AccountDay account : accounts) {
					account.cashFlows.stream()
						.filter(c -> c.type() == EntryKind.REFUND && postedOn.containsKey(c.refunds()))
						.forEach(c -> account.purchasesPostedOn.put(c.refunds(), postedOn.get(c.refunds())));
				}
			}
		}

		@Override
		protected Journal apply(AccountDay account) {
			return post(account, this.businessDate);
		}

		@Override
		protected void save(List<Done<AccountDay, Journal>> done) {
			Journal.write(this.jdbc, done.stream().map(Done::result).toList());
			Map<String, AmountsDue> dues = new HashMap<>();
			done.forEach(d -> dues.put(d.account().accountId, d.account().amountsDue));
			AmountsDueRows.save(this.jdbc, dues);
			LedgerRows.save(this.jdbc, done.stream().map(Done::account).toList(), "statements_through",
					this.businessDate);
		}

	}

	/** Posts one account's cash flows on {@code businessDate}, in order. */
	static Journal post(AccountDay account, LocalDate businessDate) {
		Position position = account.position();
		Map<EntryKind, Long> byKind = new TreeMap<>();
		Map<LocalDate, Position.PrincipalChange> byValueDate = new TreeMap<>();
		for (CashFlow cashFlow : account.cashFlows) {
			Position.PrincipalChange change = switch (cashFlow.type()) {
				case PURCHASE -> position.purchase(cashFlow.amount());
				case CASH_ADVANCE -> position.cashAdvance(cashFlow.amount());
				case REFUND -> position.refund(cashFlow.amount());
				case FEE -> {
					position.fee(cashFlow.amount());
					yield Position.PrincipalChange.NONE;
				}
				default -> throw new IllegalStateException("A cash flow is not a " + cashFlow.type());
			};
			LocalDate billedSince = account.purchasesPostedOn.get(cashFlow.refunds());
			if (cashFlow.type() == EntryKind.REFUND && billedSince != null) {
				account.amountsDue.credit(new AmountsDue.Credit(AmountsDue.Source.REFUND, businessDate,
						cashFlow.valueDate(), cashFlow.amount(), billedSince));
			}
			byKind.merge(cashFlow.type(), cashFlow.amount(), Long::sum);
			byValueDate.merge(cashFlow.valueDate(), change,
					(a, b) -> new Position.PrincipalChange(a.shopping() + b.shopping(), a.cash() + b.cash()));
		}
		Journal journal = new Journal();
		byKind.forEach((kind, amount) -> journal.entry(account.accountId, businessDate, kind, amount));
		byValueDate.forEach((valueDate, change) -> journal.movement(account.accountId, businessDate, valueDate,
				Journal.Source.CASH_FLOW, change));
		return journal;
	}

}
