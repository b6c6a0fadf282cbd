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
import jp.settlementbatch.ledger.PostingDay;
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

		/**
		 * The day's lines alone: the terms and balances are read per chunk, as the job
		 * writes them.
		 */
		private static final PostingDay DAY = new PostingDay("payment.cash_flow", "CASH_FLOWS", "update-statements",
				"statements_through", "type, amount, value_date, original_transaction_id",
				"transacted_at, transaction_id COLLATE \"C\"");

		PostCashFlows(DataSource dataSource) {
			super(dataSource);
		}

		@Override
		protected String sql() {
			return DAY.sql();
		}

		@Override
		protected String watermark() {
			return "statements_through";
		}

		@Override
		protected Object[] parameters() {
			return PostingDay.parameters(this.businessDate, this.partition);
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
