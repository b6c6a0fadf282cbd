package jp.settlementbatch.repayment;

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
import jp.settlementbatch.ledger.Allocation;
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

/**
 * {@code update-repayments}: applies the business date's accepted repayments in
 * {@code paid_at}, then {@code repayment_id}, order, each split by the allocation order
 * of ledger.md ({@link Position#allocate}) and recorded in {@code repayment.allocation}.
 * What reaches principal is a value-dated principal movement (interest stops the day
 * after the value date). Each repayment counts toward the statements' amounts due from
 * its value date ({@link AmountsDue}), whatever day it is posted. An account held by this
 * job on an earlier date is retried with the repayments it still has to apply. Watermark:
 * {@code card.balance.repayments_through}.
 */
@Configuration(proxyBeanMethods = false)
class UpdateRepaymentsJobConfiguration {

	static final String NAME = "update-repayments";

	@Bean
	Job updateRepaymentsJob(LedgerJobs ledger, DataSource dataSource) {
		return ledger.postingJob(NAME, "apply-repayments", new ApplyRepayments(dataSource));
	}

	record Repayment(String repaymentId, long amount, LocalDate valueDate) {

	}

	/** One repayment's allocation, as {@code repayment.allocation} records it. */
	record Allocated(Repayment repayment, Allocation allocation) {

	}

	/** What applying an account's repayments writes. */
	record Applied(Journal journal, List<Allocated> allocations) {

	}

	static final class AccountDay extends LedgerAccount {

		final List<Repayment> repayments = new ArrayList<>();

		AmountsDue amountsDue = new AmountsDue();

		AccountDay(String accountId) {
			super(accountId);
		}

	}

	static final class ApplyRepayments extends AccountWork<AccountDay, Applied> {

		/**
		 * The day's lines alone: the terms and balances are read per chunk, as the job
		 * writes them.
		 */
		private static final PostingDay DAY = new PostingDay("repayment.repayment", "REPAYMENTS", "update-repayments",
				"repayments_through", "repayment_id, amount, value_date", "paid_at, repayment_id COLLATE \"C\"");

		ApplyRepayments(DataSource dataSource) {
			super(dataSource);
		}

		@Override
		protected String sql() {
			return DAY.sql();
		}

		@Override
		protected String watermark() {
			return "repayments_through";
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
			item.repayments.add(new Repayment(row.getString("repayment_id"), row.getLong("amount"),
					row.getObject("value_date", LocalDate.class)));
		}

		@Override
		protected void load(List<? extends AccountDay> accounts) {
			LedgerRows.load(this.jdbc, accounts);
			Map<String, AccountDay> byId = new HashMap<>();
			accounts.forEach(account -> byId.put(account.accountId, account));
			AmountsDueRows.load(this.jdbc, byId.keySet(), AmountsDueRows.UNPAID, AmountsDueRows.ANY_DUE_DATE)
				.forEach((id, amounts) -> byId.get(id).amountsDue = amounts);
		}

		@Override
		protected Applied apply(AccountDay account) {
			return UpdateRepaymentsJobConfiguration.apply(account, this.businessDate);
		}

		@Override
		protected void save(List<Done<AccountDay, Applied>> done) {
			Journal.write(this.jdbc, done.stream().map(d -> d.result().journal()).toList());
			List<Object[]> rows = new ArrayList<>();
			for (Done<AccountDay, Applied> d : done) {
				for (Allocated allocated : d.result().allocations()) {
					Allocation a = allocated.allocation();
					Repayment r = allocated.repayment();
					rows.add(new Object[] { r.repaymentId(), d.account().accountId, this.businessDate, r.valueDate(),
							r.amount(), a.lateCharges(), a.fees(), a.interest(), a.cashPrincipal(),
							a.shoppingPrincipal(), a.creditBalance() });
				}
			}
			this.jdbc.batchUpdate("""
					INSERT INTO repayment.allocation (repayment_id, account_id, business_date, value_date, amount,
					    late_charges, fees, interest, cash_principal, shopping_principal, credit_balance)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
			Map<String, AmountsDue> dues = new HashMap<>();
			done.forEach(d -> dues.put(d.account().accountId, d.account().amountsDue));
			AmountsDueRows.save(this.jdbc, dues);
			LedgerRows.save(this.jdbc, done.stream().map(Done::account).toList(), "repayments_through",
					this.businessDate);
		}

	}

	/** Applies one account's repayments on {@code businessDate}, in order. */
	static Applied apply(AccountDay account, LocalDate businessDate) {
		long total = 0;
		Map<LocalDate, Position.PrincipalChange> byValueDate = new TreeMap<>();
		List<Allocated> allocations = new ArrayList<>();
		for (Repayment repayment : account.repayments) {
			Allocation allocation = account.position().allocate(repayment.amount());
			account.amountsDue.credit(new AmountsDue.Credit(AmountsDue.Source.REPAYMENT, businessDate,
					repayment.valueDate(), repayment.amount(), null));
			allocations.add(new Allocated(repayment, allocation));
			total += repayment.amount();
			byValueDate.merge(repayment.valueDate(), allocation.principalChange(),
					(a, b) -> new Position.PrincipalChange(a.shopping() + b.shopping(), a.cash() + b.cash()));
		}
		Journal journal = new Journal();
		journal.entry(account.accountId, businessDate, EntryKind.REPAYMENT, total);
		byValueDate.forEach((valueDate, change) -> journal.movement(account.accountId, businessDate, valueDate,
				Journal.Source.REPAYMENT, change));
		return new Applied(journal, allocations);
	}

}
