package jp.settlementbatch.interest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jp.settlementbatch.ledger.AccountWork;
import jp.settlementbatch.ledger.LedgerAccount;
import jp.settlementbatch.ledger.LedgerJobs;
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
		return ledger.job(NAME, "accrue", new Accrue(dataSource));
	}

	static final class Accrue extends AccountWork<Accruals.Account> {

		Accrue(DataSource dataSource) {
			super(dataSource);
		}

		@Override
		protected String sql() {
			return "SELECT " + LedgerAccount.COLUMNS + """
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
			return new Accruals.Account(first);
		}

		@Override
		protected void add(Accruals.Account item, ResultSet row) throws SQLException {
			LocalDate valueDate = row.getObject("value_date", LocalDate.class);
			if (valueDate != null) {
				item.movements
					.add(new Accruals.Movement(valueDate, row.getLong("shopping_delta"), row.getLong("cash_delta")));
			}
		}

		@Override
		public void write(Chunk<? extends Accruals.Account> chunk) {
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
			LedgerAccount.save(this.jdbc, chunk.getItems(), "accrued_through", this.businessDate);
		}

	}

}
