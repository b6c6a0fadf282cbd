package jp.settlementbatch.interest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jp.settlementbatch.ledger.AccountWork;
import jp.settlementbatch.ledger.AmountsDueRows;
import jp.settlementbatch.ledger.EntryKind;
import jp.settlementbatch.ledger.LedgerJobs;
import jp.settlementbatch.ledger.LedgerRows;
import jp.settlementbatch.ledger.Partition;
import jp.settlementbatch.support.db.PgCopy;

import org.springframework.batch.core.job.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * {@code accrue-interest}: for every account with a ledger, the daily interest and late
 * charge of each day since its last accrual up to the business date ({@link Accruals}),
 * and the catch-up of days already accrued (back-valued movements, credits of earlier
 * value dates, an operator's recheck), written to {@code card.daily_accrual} and added to
 * the account's accrued (unposted) amounts; the overdue state at the start of the day is
 * saved with them. Watermark: {@code card.balance.accrued_through}, which is also the
 * date of the account's position.
 */
@Configuration(proxyBeanMethods = false)
class AccrueInterestJobConfiguration {

	static final String NAME = "accrue-interest";

	@Bean
	Job accrueInterestJob(LedgerJobs ledger, DataSource dataSource) {
		return ledger.accrualJob(NAME, "accrue", new Accrue(dataSource));
	}

	static final class Accrue extends AccountWork<Accruals.Account, Accruals.Result> {

		Accrue(DataSource dataSource) {
			super(dataSource);
		}

		@Override
		protected String sql() {
			return "SELECT " + LedgerRows.COLUMNS + """
					, m.business_date AS posted_on, m.value_date, m.shopping_delta, m.cash_delta
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
			return LedgerRows.read(new Accruals.Account(first.getString("account_id")), first);
		}

		@Override
		protected void add(Accruals.Account item, ResultSet row) throws SQLException {
			LocalDate valueDate = row.getObject("value_date", LocalDate.class);
			if (valueDate != null) {
				item.movements.add(new Accruals.Movement(row.getObject("posted_on", LocalDate.class), valueDate,
						row.getLong("shopping_delta"), row.getLong("cash_delta")));
			}
		}

		/**
		 * What the chunk's accruals need beyond the reader's rows: the credits of earlier
		 * value dates posted since the last accrual; for the accounts with days to catch
		 * up, the movements and booked accruals of those days; the amounts due that can
		 * be overdue.
		 */
		@Override
		protected void load(List<? extends Accruals.Account> accounts) {
			Map<String, Accruals.Account> byId = new HashMap<>();
			accounts.forEach(account -> byId.put(account.accountId, account));
			String[] ids = byId.keySet().toArray(String[]::new);
			this.jdbc.query("""
					SELECT c.account_id, min(c.value_date) FROM card.due_credit c
					JOIN card.balance b ON b.account_id = c.account_id
					WHERE c.account_id = ANY (CAST(? AS CHAR(10)[]))
					  AND c.posted_on > b.accrued_through AND c.value_date < b.accrued_through
					GROUP BY c.account_id""",
					(RowCallbackHandler) rs -> byId.get(rs.getString(1)).lateCreditFrom = rs
						.getObject(2, LocalDate.class)
						.plusDays(1),
					(Object) ids);
			LocalDate earliest = this.businessDate;
			Map<String, Accruals.Account> catchingUp = new HashMap<>();
			for (Accruals.Account account : accounts) {
				LocalDate from = Accruals.catchUpFrom(account);
				if (from != null) {
					catchingUp.put(account.accountId, account);
				}
				LocalDate first = (from != null) ? from
						: (account.accruedThrough() != null) ? account.accruedThrough().plusDays(1) : this.businessDate;
				earliest = first.isBefore(earliest) ? first : earliest;
			}
			if (!catchingUp.isEmpty()) {
				loadCatchUp(catchingUp, earliest);
			}
			AmountsDueRows.load(this.jdbc, byId.keySet(), earliest, this.businessDate)
				.forEach((id, amounts) -> byId.get(id).amountsDue = amounts);
		}

		/** The movements and booked accruals of the days the accounts catch up. */
		private void loadCatchUp(Map<String, Accruals.Account> accounts, LocalDate earliest) {
			String[] ids = accounts.keySet().toArray(String[]::new);
			this.jdbc.query("""
					SELECT account_id, business_date, value_date, shopping_delta, cash_delta
					FROM card.principal_movement
					WHERE account_id = ANY (CAST(? AS CHAR(10)[])) AND business_date >= ?""",
					(RowCallbackHandler) rs -> {
						Accruals.Account account = accounts.get(rs.getString(1));
						LocalDate postedOn = rs.getObject(2, LocalDate.class);
						// the reader already has those posted since the last accrual
						if (!postedOn.isAfter(account.accruedThrough())) {
							account.movements.add(new Accruals.Movement(postedOn, rs.getObject(3, LocalDate.class),
									rs.getLong(4), rs.getLong(5)));
						}
					}, ids, earliest);
			this.jdbc.query("""
					SELECT account_id, accrual_date, kind, apr, sum(principal)
					FROM card.daily_accrual
					WHERE account_id = ANY (CAST(? AS CHAR(10)[])) AND accrual_date >= ?
					GROUP BY account_id, accrual_date, kind, apr""", (RowCallbackHandler) rs -> {
				Accruals.Account account = accounts.get(rs.getString(1));
				LocalDate day = rs.getObject(2, LocalDate.class);
				if (EntryKind.valueOf(rs.getString(3)) == EntryKind.INTEREST) {
					account.bookedInterest.computeIfAbsent(day, d -> new HashMap<>())
						.merge(rs.getBigDecimal(4).setScale(2), rs.getLong(5), Long::sum);
				}
				else {
					account.bookedLateCharge.merge(day, rs.getLong(5), Long::sum);
				}
			}, ids, earliest);
		}

		@Override
		protected Accruals.Result apply(Accruals.Account account) {
			return Accruals.accrue(account, this.businessDate);
		}

		@Override
		protected void save(List<Done<Accruals.Account, Accruals.Result>> done) {
			if (done.stream().anyMatch(d -> !d.result().rows().isEmpty())) {
				PgCopy copy = PgCopy.into(this.dataSource, "card.daily_accrual",
						"account_id, accrual_date, kind, apr, booked_on, principal, basis, amount, cycle_close, catch_up");
				for (Done<Accruals.Account, Accruals.Result> d : done) {
					for (Accruals.Row row : d.result().rows()) {
						copy.row(row.accountId(), row.day(), row.kind().name(), row.apr(), this.businessDate,
								row.principal(), DailyAccrual.basis(row.day()), row.amount(), row.cycleClose(),
								row.catchUp());
					}
				}
				copy.finish();
			}
			List<LedgerRows.Accrual> accruals = new ArrayList<>();
			for (Done<Accruals.Account, Accruals.Result> d : done) {
				accruals.add(new LedgerRows.Accrual(d.account().accountId,
						d.account().position().accrued().plus(d.result().accrued()), d.result().overdue().principal(),
						d.result().overdue().since()));
			}
			LedgerRows.saveAccruals(this.jdbc, accruals, this.businessDate);
		}

	}

}
