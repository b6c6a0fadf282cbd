package jp.settlementbatch.repayment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import jp.settlementbatch.ledger.AccountWork;
import jp.settlementbatch.ledger.Journal;
import jp.settlementbatch.ledger.LedgerAccount;
import jp.settlementbatch.ledger.LedgerJobs;
import jp.settlementbatch.ledger.LedgerRows;
import jp.settlementbatch.ledger.Partition;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code update-repayments}: applies the business date's accepted repayments in
 * {@code paid_at}, then {@code repayment_id}, order, each split by the allocation order
 * of ledger.md ({@link Allocation}) and recorded in {@code repayment.allocation}. What
 * reaches principal is a value-dated principal movement (interest stops the day after the
 * value date). Whether the account is overdue follows from the repayments counted against
 * the latest statement's amount due ({@code report.account_position}). Watermark:
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

	static final class AccountDay extends LedgerAccount {

		final List<Repayment> repayments = new ArrayList<>();

		AccountDay(ResultSet rs) throws SQLException {
			super(rs.getString("account_id"));
		}

	}

	static final class ApplyRepayments extends AccountWork<AccountDay> {

		ApplyRepayments(DataSource dataSource) {
			super(dataSource);
		}

		@Override
		protected String sql() {
			// the day's repayments alone; the terms and balances are read per chunk, as
			// this job writes them
			return """
					SELECT r.account_id, r.repayment_id, r.amount, r.value_date
					FROM batch.import_file f
					JOIN repayment.repayment r ON r.file_id = f.file_id AND r.reject_reason IS NULL
					WHERE f.file_type = 'REPAYMENTS' AND f.status = 'ACCEPTED' AND f.posted_on = ?
					  AND """ + Partition.condition("r.account_id") + """
					ORDER BY r.account_id COLLATE "C", r.paid_at, r.repayment_id COLLATE "C"
					""";
		}

		@Override
		protected String watermark() {
			return "repayments_through";
		}

		@Override
		protected Object[] parameters() {
			Object[] p = this.partition.parameters();
			return new Object[] { this.businessDate, p[0], p[1], p[2] };
		}

		@Override
		protected AccountDay start(ResultSet first) throws SQLException {
			return new AccountDay(first);
		}

		@Override
		protected void add(AccountDay item, ResultSet row) throws SQLException {
			item.repayments.add(new Repayment(row.getString("repayment_id"), row.getLong("amount"),
					row.getObject("value_date", LocalDate.class)));
		}

		@Override
		public void write(Chunk<? extends AccountDay> chunk) {
			LedgerRows.load(this.jdbc, chunk.getItems());
			Journal journal = new Journal();
			List<Object[]> allocations = new ArrayList<>();
			for (AccountDay day : chunk) {
				apply(day, this.businessDate, journal, allocations);
			}
			journal.write(this.jdbc);
			this.jdbc.batchUpdate("""
					INSERT INTO repayment.allocation (repayment_id, account_id, business_date, value_date, amount,
					    late_charges, fees, interest, cash_principal, shopping_principal, credit_balance)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", allocations);
			LedgerRows.save(this.jdbc, chunk.getItems(), "repayments_through", this.businessDate);
		}

	}

	/** Applies one account's repayments of {@code businessDate} in order. */
	static void apply(AccountDay day, LocalDate businessDate, Journal journal, List<Object[]> allocations) {
		long total = 0;
		Map<LocalDate, long[]> principalByValueDate = new TreeMap<>();
		for (Repayment repayment : day.repayments) {
			Allocation split = Allocation.apply(day.position, repayment.amount(), businessDate, repayment.valueDate());
			allocations.add(new Object[] { repayment.repaymentId(), day.accountId, businessDate, repayment.valueDate(),
					repayment.amount(), split.lateCharges(), split.fees(), split.interest(), split.cashPrincipal(),
					split.shoppingPrincipal(), split.creditBalance() });
			total += repayment.amount();
			long[] moved = principalByValueDate.computeIfAbsent(repayment.valueDate(), d -> new long[2]);
			moved[0] -= split.shoppingPrincipal();
			moved[1] -= split.cashPrincipal();
		}
		journal.entry(day.accountId, businessDate, "REPAYMENT", total);
		principalByValueDate.forEach((valueDate, moved) -> journal.movement(day.accountId, businessDate, valueDate,
				"REPAYMENT", moved[0], moved[1]));
	}

}
