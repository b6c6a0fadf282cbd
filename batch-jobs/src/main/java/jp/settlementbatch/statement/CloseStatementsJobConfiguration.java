package jp.settlementbatch.statement;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jp.settlementbatch.calendar.Holidays;
import jp.settlementbatch.ledger.AccountWork;
import jp.settlementbatch.ledger.Accrued;
import jp.settlementbatch.ledger.AmountsDue;
import jp.settlementbatch.ledger.AmountsDueRows;
import jp.settlementbatch.ledger.EntryKind;
import jp.settlementbatch.ledger.Journal;
import jp.settlementbatch.ledger.LedgerAccount;
import jp.settlementbatch.ledger.LedgerJobs;
import jp.settlementbatch.ledger.LedgerRows;
import jp.settlementbatch.ledger.Partition;
import jp.settlementbatch.support.db.PgCopy;

import org.springframework.batch.core.job.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * {@code close-statements}: for every account whose cycle closes on the business date (or
 * closed on a date since its last close, when a day was not run), posts the cycle's
 * interest and late charges, freezes the statement ({@code card.statement}), and opens
 * its amount due ({@link StatementClose}). Watermark: the account's
 * {@code last_closed_on}.
 */
@Configuration(proxyBeanMethods = false)
class CloseStatementsJobConfiguration {

	static final String NAME = "close-statements";

	@Bean
	Job closeStatementsJob(LedgerJobs ledger, DataSource dataSource) {
		return ledger.closingJob(NAME, "close-cycles", new Close(dataSource));
	}

	/** An account whose cycle closes, with what its close reads. */
	static final class Closing extends LedgerAccount {

		final LocalDate closingDate;

		final Map<EntryKind, Long> journal = new EnumMap<>(EntryKind.class);

		long openingBalance;

		Accrued posting = Accrued.NONE;

		Accrued remaining = Accrued.NONE;

		AmountsDue amountsDue = new AmountsDue();

		Closing(ResultSet rs) throws SQLException {
			super(rs.getString("account_id"));
			LedgerRows.read(this, rs);
			this.closingDate = rs.getObject("closing_date", LocalDate.class);
		}

	}

	static final class Close extends AccountWork<Closing, StatementClose.Closed> {

		private static final String STATEMENT_COLUMNS = "account_id, closing_date, cycle_start, due_date, "
				+ "opening_balance, purchases, refunds, cash_advances, fees, interest, late_charges, repayments, "
				+ "closing_balance, minimum_payment, amount_due, closed_on";

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

		/**
		 * The chunk's cycles, a query each: journal per kind, opening balance (the last
		 * statement's closing balance), accruals (exact numerators per kind and basis,
		 * those this close posts and those of later cycles), and the amounts due still
		 * unpaid.
		 */
		@Override
		protected void load(List<? extends Closing> accounts) {
			Map<String, Closing> byId = new HashMap<>();
			LocalDate earliestClose = this.businessDate;
			for (Closing account : accounts) {
				byId.put(account.accountId, account);
				earliestClose = account.closingDate.isBefore(earliestClose) ? account.closingDate : earliestClose;
			}
			MapSqlParameterSource chunk = new MapSqlParameterSource("day", this.businessDate).addValue("ids",
					byId.keySet().toArray(String[]::new));
			NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(this.jdbc);
			named.query("""
					SELECT e.account_id, e.kind, sum(e.amount) AS amount
					FROM card.ledger_entry e
					JOIN card.balance b ON b.account_id = e.account_id
					JOIN card.account a ON a.account_id = e.account_id
					WHERE e.account_id = ANY (CAST(:ids AS CHAR(10)[])) AND e.entry_date > b.last_closed_on
					  AND e.entry_date <= card.closing_on_or_before(:day, a.closing_day)
					GROUP BY 1, 2""", chunk, (RowCallbackHandler) rs -> byId.get(rs.getString(1)).journal
				.put(EntryKind.valueOf(rs.getString(2)), rs.getLong(3)));
			named.query("""
					SELECT DISTINCT ON (account_id) account_id, closing_balance FROM card.statement
					WHERE account_id = ANY (CAST(:ids AS CHAR(10)[])) AND closing_date < :day
					ORDER BY account_id, closing_date DESC""", chunk,
					(RowCallbackHandler) rs -> byId.get(rs.getString(1)).openingBalance = rs.getLong(2));
			named.query("""
					SELECT d.account_id, d.kind, d.basis, d.cycle_close <= :day AS posting, sum(d.principal * d.apr)
					FROM card.daily_accrual d JOIN card.balance b ON b.account_id = d.account_id
					WHERE d.account_id = ANY (CAST(:ids AS CHAR(10)[])) AND d.cycle_close > b.last_closed_on
					GROUP BY 1, 2, 3, 4""", chunk, (RowCallbackHandler) rs -> {
				Closing account = byId.get(rs.getString(1));
				boolean interest = EntryKind.valueOf(rs.getString(2)) == EntryKind.INTEREST;
				int basis = rs.getInt(3);
				BigDecimal numerator = rs.getBigDecimal(5);
				if (rs.getBoolean(4)) {
					account.posting = account.posting.plus(interest, basis, numerator);
				}
				else {
					account.remaining = account.remaining.plus(interest, basis, numerator);
				}
			});
			// when a close runs after its date, credits posted since count toward the
			// amounts due as they stood at the close
			AmountsDueRows.load(this.jdbc, byId.keySet(), earliestClose.minusDays(31), AmountsDueRows.ANY_DUE_DATE)
				.forEach((id, amounts) -> byId.get(id).amountsDue = amounts);
		}

		@Override
		protected StatementClose.Closed apply(Closing account) {
			return StatementClose.close(account, account.amountsDue, account.closingDate, account.openingBalance,
					account.journal, account.posting, account.remaining, this.holidays);
		}

		@Override
		protected void save(List<Done<Closing, StatementClose.Closed>> done) {
			List<Journal> journals = new ArrayList<>();
			Map<String, AmountsDue> dues = new HashMap<>();
			for (Done<Closing, StatementClose.Closed> d : done) {
				Closing account = d.account();
				StatementClose.Closed closed = d.result();
				Journal journal = new Journal();
				journal.entry(account.accountId, account.closingDate, EntryKind.INTEREST, closed.interestPosted());
				journal.entry(account.accountId, account.closingDate, EntryKind.LATE_CHARGE,
						closed.lateChargesPosted());
				journal.movement(account.accountId, this.businessDate, account.closingDate, Journal.Source.CREDIT,
						closed.creditedPrincipal());
				journals.add(journal);
				dues.put(account.accountId, account.amountsDue);
			}
			Journal.write(this.jdbc, journals);
			PgCopy statements = PgCopy.into(this.jdbc.getDataSource(), "card.statement", STATEMENT_COLUMNS);
			for (Done<Closing, StatementClose.Closed> d : done) {
				StatementClose.Statement s = d.result().statement();
				if (!s.empty()) {
					statements.row(s.accountId(), s.closingDate(), s.cycleStart(), s.dueDate(), s.openingBalance(),
							s.purchases(), s.refunds(), s.cashAdvances(), s.fees(), s.interest(), s.lateCharges(),
							s.repayments(), s.closingBalance(), s.minimumPayment(), s.amountDue(), this.businessDate);
				}
			}
			statements.finish();
			AmountsDueRows.save(this.jdbc, dues);
			LedgerRows.save(this.jdbc, done.stream().map(Done::account).toList(), null, this.businessDate);
		}

	}

}
