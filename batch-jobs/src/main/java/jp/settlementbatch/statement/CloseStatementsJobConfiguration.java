package jp.settlementbatch.statement;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jp.settlementbatch.calendar.Holidays;
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
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * {@code close-statements}: for every account whose cycle closes on the business date (or
 * closed on a date since its last close, when a day was not run), posts the cycle's
 * interest and late charges, freezes the statement ({@code card.statement}), and sets the
 * amount due and due date ({@link StatementClose}). Watermark: the account's
 * {@code last_closed_on}.
 */
@Configuration(proxyBeanMethods = false)
class CloseStatementsJobConfiguration {

	static final String NAME = "close-statements";

	@Bean
	Job closeStatementsJob(LedgerJobs ledger, DataSource dataSource) {
		return ledger.closingJob(NAME, "close-cycles", new Close(dataSource));
	}

	static final class Closing extends LedgerAccount {

		final LocalDate closingDate;

		Closing(ResultSet rs) throws SQLException {
			super(LedgerRows.terms(rs), LedgerRows.accruedThrough(rs));
			LedgerRows.withPosition(this, rs);
			this.closingDate = rs.getObject("closing_date", LocalDate.class);
		}

	}

	static final class Close extends AccountWork<Closing> {

		private Set<LocalDate> holidays;

		Close(DataSource dataSource) {
			super(dataSource);
		}

		@Override
		protected void prepare() {
			this.holidays = Holidays.of(this.jdbc);
		}

		@Override
		protected String sql() {
			return "SELECT " + LedgerRows.COLUMNS + """
					, x.closing_date
					FROM card.balance b
					JOIN card.account a ON a.account_id = b.account_id
					CROSS JOIN LATERAL (SELECT card.closing_on_or_before(?, a.closing_day) AS closing_date) x
					WHERE x.closing_date > b.last_closed_on
					  AND """ + Partition.condition("b.account_id") + """
					ORDER BY b.account_id""";
		}

		@Override
		protected Object[] parameters() {
			Object[] p = this.partition.parameters();
			return new Object[] { this.businessDate, p[0], p[1], p[2] };
		}

		@Override
		protected Closing start(ResultSet first) throws SQLException {
			return new Closing(first);
		}

		@Override
		protected void add(Closing item, ResultSet row) {
		}

		@Override
		public void write(Chunk<? extends Closing> chunk) {
			MapSqlParameterSource chunkParameters = new MapSqlParameterSource("day", this.businessDate).addValue("ids",
					chunk.getItems().stream().map(c -> c.accountId).toArray(String[]::new));
			NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(this.jdbc);
			Map<String, Map<String, Long>> journals = new HashMap<>();
			named.query("""
					SELECT e.account_id, e.kind, sum(e.amount) AS amount
					FROM card.ledger_entry e
					JOIN card.balance b ON b.account_id = e.account_id
					JOIN card.account a ON a.account_id = e.account_id
					WHERE e.account_id = ANY (CAST(:ids AS CHAR(10)[])) AND e.entry_date > b.last_closed_on
					  AND e.entry_date <= card.closing_on_or_before(:day, a.closing_day)
					GROUP BY 1, 2""", chunkParameters,
					(RowCallbackHandler) rs -> journals.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
						.put(rs.getString(2), rs.getLong(3)));
			Map<String, Long> openings = new HashMap<>();
			named.query("""
					SELECT DISTINCT ON (account_id) account_id, closing_balance FROM card.statement
					WHERE account_id = ANY (CAST(:ids AS CHAR(10)[])) AND closing_date < :day
					ORDER BY account_id, closing_date DESC""", chunkParameters,
					(RowCallbackHandler) rs -> openings.put(rs.getString(1), rs.getLong(2)));
			Map<String, BigDecimal[]> accruals = new HashMap<>();
			named.query("""
					SELECT d.account_id, d.kind, d.basis, d.cycle_close <= :day AS posting, sum(d.amount)
					FROM card.daily_accrual d JOIN card.balance b ON b.account_id = d.account_id
					WHERE d.account_id = ANY (CAST(:ids AS CHAR(10)[])) AND d.cycle_close > b.last_closed_on
					GROUP BY 1, 2, 3, 4""", chunkParameters, (RowCallbackHandler) rs -> {
				BigDecimal[] sums = accruals.computeIfAbsent(rs.getString(1), k -> zeros());
				int slot = (rs.getBoolean(4) ? 0 : 4) + ("INTEREST".equals(rs.getString(2)) ? 0 : 2)
						+ (rs.getInt(3) == 366 ? 1 : 0);
				sums[slot] = sums[slot].add(rs.getBigDecimal(5));
			});
			Journal journal = new Journal();
			List<Object[]> statements = new ArrayList<>();
			for (Closing account : chunk) {
				BigDecimal[] sums = accruals.getOrDefault(account.accountId, zeros());
				StatementClose.Statement statement = StatementClose.close(account, account.closingDate,
						openings.getOrDefault(account.accountId, 0L),
						journals.getOrDefault(account.accountId, Map.of()),
						new StatementClose.CycleAccruals(sums[0], sums[1], sums[2], sums[3]),
						new StatementClose.CycleAccruals(sums[4], sums[5], sums[6], sums[7]), this.holidays);
				long postedInterest = statement.interest()
						- journals.getOrDefault(account.accountId, Map.of()).getOrDefault("INTEREST", 0L);
				long postedLate = statement.lateCharges()
						- journals.getOrDefault(account.accountId, Map.of()).getOrDefault("LATE_CHARGE", 0L);
				journal.entry(account.accountId, account.closingDate, "INTEREST", postedInterest);
				journal.entry(account.accountId, account.closingDate, "LATE_CHARGE", postedLate);
				if (!statement.empty()) {
					statements
						.add(new Object[] { statement.accountId(), statement.closingDate(), statement.cycleStart(),
								statement.dueDate(), statement.openingBalance(), statement.purchases(),
								statement.refunds(), statement.cashAdvances(), statement.fees(), statement.interest(),
								statement.lateCharges(), statement.repayments(), statement.closingBalance(),
								statement.minimumPayment(), statement.amountDue(), this.businessDate });
				}
			}
			journal.write(this.jdbc);
			this.jdbc.batchUpdate("""
					INSERT INTO card.statement (account_id, closing_date, cycle_start, due_date, opening_balance,
					    purchases, refunds, cash_advances, fees, interest, late_charges, repayments, closing_balance,
					    minimum_payment, amount_due, closed_on)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", statements);
			LedgerRows.save(this.jdbc, chunk.getItems(), null, this.businessDate);
		}

		private static BigDecimal[] zeros() {
			BigDecimal[] sums = new BigDecimal[8];
			Arrays.fill(sums, BigDecimal.ZERO);
			return sums;
		}

	}

}
