package jp.settlementbatch.interest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jp.settlementbatch.ledger.AccountWork;
import jp.settlementbatch.ledger.LedgerJobs;
import jp.settlementbatch.ledger.LedgerRows;
import jp.settlementbatch.ledger.Partition;
import jp.settlementbatch.support.db.PgCopy;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code accrue-interest}: for every account with a ledger, the daily interest and late
 * charge of each day since its last accrual up to the business date ({@link Accruals}),
 * including the catch-up of back-valued movements posted since then, written to
 * {@code card.daily_accrual} and added to the account's accrued (unposted) amounts.
 * Watermark: {@code card.balance.accrued_through}, which is also the date of the
 * account's position.
 */
@Configuration(proxyBeanMethods = false)
class AccrueInterestJobConfiguration {

	static final String NAME = "accrue-interest";

	@Bean
	Job accrueInterestJob(LedgerJobs ledger, DataSource dataSource) {
		return ledger.accrualJob(NAME, "accrue", new Accrue(dataSource));
	}

	static final class Accrue extends AccountWork<Accruals.Account> {

		Accrue(DataSource dataSource) {
			super(dataSource);
		}

		@Override
		protected String sql() {
			return "SELECT " + LedgerRows.COLUMNS + """
					, m.value_date, m.shopping_delta, m.cash_delta
					FROM card.balance b
					JOIN card.account a ON a.account_id = b.account_id
					LEFT JOIN card.principal_movement m ON m.account_id = b.account_id
					     AND m.business_date > coalesce(b.accrued_through, DATE '1900-01-01') AND m.business_date <= ?
					WHERE (b.accrued_through IS NULL OR b.accrued_through < ?)
					  AND """ + Partition.condition("b.account_id") + """
					ORDER BY b.account_id""";
		}

		@Override
		protected Object[] parameters() {
			Object[] p = this.partition.parameters();
			return new Object[] { this.businessDate, this.businessDate, p[0], p[1], p[2] };
		}

		@Override
		protected Accruals.Account start(ResultSet first) throws SQLException {
			return LedgerRows
				.withPosition(new Accruals.Account(LedgerRows.terms(first), LedgerRows.accruedThrough(first)), first);
		}

		@Override
		protected void add(Accruals.Account item, ResultSet row) throws SQLException {
			LocalDate valueDate = row.getObject("value_date", LocalDate.class);
			if (valueDate != null) {
				item.movements
					.add(new Accruals.Movement(valueDate, row.getLong("shopping_delta"), row.getLong("cash_delta")));
			}
		}

		/**
		 * The accounts of this run with a repayment of a late file posted since their
		 * last accrual (paid before the last day accrued): their late charges may need a
		 * catch-up. Usually none.
		 */
		private Set<String> lateRepaid = Set.of();

		@Override
		protected void prepare() {
			Object[] p = this.partition.parameters();
			this.lateRepaid = new HashSet<>(this.jdbc.queryForList("""
					SELECT DISTINCT r.account_id FROM repayment.allocation r
					JOIN card.balance b ON b.account_id = r.account_id
					WHERE r.value_date < r.business_date AND r.business_date <= ?
					  AND r.business_date > b.accrued_through AND r.value_date < b.accrued_through
					  AND """ + Partition.condition("r.account_id"), String.class, this.businessDate, p[0], p[1],
					p[2]));
		}

		/** What the late-charge catch-up needs of the accounts of {@link #lateRepaid}. */
		private void loadRepaid(Chunk<? extends Accruals.Account> chunk) {
			Map<String, Accruals.Account> accounts = new HashMap<>();
			for (Accruals.Account account : chunk) {
				if (this.lateRepaid.contains(account.accountId)) {
					accounts.put(account.accountId, account);
				}
			}
			if (accounts.isEmpty()) {
				return;
			}
			String[] ids = accounts.keySet().toArray(String[]::new);
			this.jdbc.query("""
					SELECT r.account_id, r.value_date, r.amount, r.cash_principal + r.shopping_principal AS principal
					FROM repayment.allocation r JOIN card.balance b ON b.account_id = r.account_id
					WHERE r.account_id = ANY (?) AND r.value_date > b.last_closed_on AND r.business_date <= ?
					""", rs -> {
				accounts.get(rs.getString(1)).repaidSinceClose
					.add(new Accruals.Repaid(rs.getObject(2, LocalDate.class), rs.getLong(3), rs.getLong(4)));
			}, ids, this.businessDate);
			this.jdbc.query("""
					SELECT d.account_id, d.accrual_date, sum(d.principal)
					FROM card.daily_accrual d JOIN card.balance b ON b.account_id = d.account_id
					WHERE d.account_id = ANY (?) AND d.kind = 'LATE_CHARGE' AND d.accrual_date > b.last_closed_on
					GROUP BY d.account_id, d.accrual_date
					""", rs -> {
				accounts.get(rs.getString(1)).lateChargePrincipal.put(rs.getObject(2, LocalDate.class), rs.getLong(3));
			}, (Object) ids);
		}

		@Override
		public void write(Chunk<? extends Accruals.Account> chunk) {
			loadRepaid(chunk);
			List<Accruals.Row> rows = new ArrayList<>();
			for (Accruals.Account account : chunk) {
				rows.addAll(Accruals.accrue(account, this.businessDate));
			}
			if (!rows.isEmpty()) {
				PgCopy copy = PgCopy.into(this.dataSource, "card.daily_accrual",
						"account_id, accrual_date, kind, apr, booked_on, principal, basis, amount, cycle_close, catch_up");
				for (Accruals.Row row : rows) {
					copy.row(row.accountId(), row.day(), row.kind(), row.apr(), this.businessDate, row.principal(),
							DailyAccrual.basis(row.day()), row.amount(), row.cycleClose(), row.catchUp());
				}
				copy.finish();
			}
			LedgerRows.saveAccruals(this.jdbc, chunk.getItems(), this.businessDate);
		}

	}

}
