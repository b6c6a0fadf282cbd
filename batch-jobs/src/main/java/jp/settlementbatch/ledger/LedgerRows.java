package jp.settlementbatch.ledger;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * How a {@link LedgerAccount} is read from and saved to the database: its terms and
 * balances in a reader's rows ({@link #COLUMNS}, from {@code card.account a} and
 * {@code LEFT JOIN card.balance b}), or those of a chunk's accounts in one query
 * ({@link #load}); one upsert of {@code card.balance} with the job's watermark, or
 * accrual's own columns alone.
 */
public final class LedgerRows {

	public static final String COLUMNS = """
			a.account_id, a.repayment_method, a.shopping_apr, a.cash_apr, a.closing_day, a.payment_day,
			b.shopping_principal, b.cash_principal, b.billed_interest, b.billed_fees, b.billed_late_charges,
			b.credit_balance, b.interest_365, b.interest_366, b.late_charge_365, b.late_charge_366,
			b.last_closed_on, b.due_date, b.amount_due, b.due_principal, b.overdue_since, b.past_due, b.past_due_principal,
			b.repaid_since_close,
			b.principal_repaid_since_close, b.repaid_on, b.repaid_that_day, b.principal_repaid_that_day,
			b.accrued_through""";

	/**
	 * The terms and balances of a chunk's accounts, for {@link #load}: for the jobs whose
	 * reader reads neither, because it streams the day's rows alone and the job writes
	 * {@code card.balance}.
	 */
	private static final String LOAD = "SELECT " + COLUMNS + """

			FROM card.account a LEFT JOIN card.balance b ON b.account_id = a.account_id
			WHERE a.account_id = ANY (CAST(? AS CHAR(10)[]))""";

	private static final String SAVE = """
			INSERT INTO card.balance (account_id, shopping_principal, cash_principal, billed_interest, billed_fees,
			    billed_late_charges, credit_balance, interest_365, interest_366, late_charge_365, late_charge_366,
			    last_closed_on, due_date, amount_due, due_principal, overdue_since, past_due, past_due_principal,
			    repaid_since_close,
			    principal_repaid_since_close, repaid_on, repaid_that_day, principal_repaid_that_day%1$s)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?%2$s)
			ON CONFLICT (account_id) DO UPDATE SET shopping_principal = EXCLUDED.shopping_principal,
			    cash_principal = EXCLUDED.cash_principal, billed_interest = EXCLUDED.billed_interest,
			    billed_fees = EXCLUDED.billed_fees, billed_late_charges = EXCLUDED.billed_late_charges,
			    credit_balance = EXCLUDED.credit_balance, interest_365 = EXCLUDED.interest_365,
			    interest_366 = EXCLUDED.interest_366, late_charge_365 = EXCLUDED.late_charge_365,
			    late_charge_366 = EXCLUDED.late_charge_366, last_closed_on = EXCLUDED.last_closed_on,
			    due_date = EXCLUDED.due_date, amount_due = EXCLUDED.amount_due, due_principal = EXCLUDED.due_principal,
			    overdue_since = EXCLUDED.overdue_since, past_due = EXCLUDED.past_due,
			    past_due_principal = EXCLUDED.past_due_principal, repaid_since_close = EXCLUDED.repaid_since_close,
			    principal_repaid_since_close = EXCLUDED.principal_repaid_since_close, repaid_on = EXCLUDED.repaid_on,
			    repaid_that_day = EXCLUDED.repaid_that_day, principal_repaid_that_day = EXCLUDED.principal_repaid_that_day%3$s""";

	private LedgerRows() {
	}

	/** The card-master terms of the row's account. */
	public static LedgerAccount.Terms terms(ResultSet rs) throws SQLException {
		return new LedgerAccount.Terms(rs.getString("account_id"), "REVOLVING".equals(rs.getString("repayment_method")),
				rs.getBigDecimal("shopping_apr"), rs.getBigDecimal("cash_apr"), rs.getInt("closing_day"),
				rs.getInt("payment_day"));
	}

	/** The last day accrued, or null for an account without a ledger yet. */
	public static LocalDate accruedThrough(ResultSet rs) throws SQLException {
		return date(rs, "accrued_through");
	}

	/** Reads the row's balances into {@code account}'s position. */
	public static <T extends LedgerAccount> T withPosition(T account, ResultSet rs) throws SQLException {
		Position p = account.position;
		p.shoppingPrincipal = rs.getLong("shopping_principal");
		p.cashPrincipal = rs.getLong("cash_principal");
		p.billedInterest = rs.getLong("billed_interest");
		p.billedFees = rs.getLong("billed_fees");
		p.billedLateCharges = rs.getLong("billed_late_charges");
		p.creditBalance = rs.getLong("credit_balance");
		p.interest365 = decimal(rs, "interest_365");
		p.interest366 = decimal(rs, "interest_366");
		p.lateCharge365 = decimal(rs, "late_charge_365");
		p.lateCharge366 = decimal(rs, "late_charge_366");
		p.lastClosedOn = date(rs, "last_closed_on");
		p.dueDate = date(rs, "due_date");
		p.amountDue = rs.getLong("amount_due");
		p.duePrincipal = rs.getLong("due_principal");
		p.overdueSince = date(rs, "overdue_since");
		p.pastDue = rs.getLong("past_due");
		p.pastDuePrincipal = rs.getLong("past_due_principal");
		p.repaidSinceClose = rs.getLong("repaid_since_close");
		p.principalRepaidSinceClose = rs.getLong("principal_repaid_since_close");
		p.repaidOn = date(rs, "repaid_on");
		p.repaidThatDay = rs.getLong("repaid_that_day");
		p.principalRepaidThatDay = rs.getLong("principal_repaid_that_day");
		return account;
	}

	/**
	 * Reads the terms and positions of {@code accounts} in one query, in the caller's
	 * transaction; an account without a ledger yet keeps its zero position.
	 */
	public static void load(JdbcTemplate jdbc, List<? extends LedgerAccount> accounts) {
		Map<String, LedgerAccount> byId = new HashMap<>();
		accounts.forEach(account -> byId.put(account.accountId, account));
		int[] found = { 0 };
		jdbc.query(LOAD, (RowCallbackHandler) rs -> {
			LedgerAccount account = byId.get(rs.getString("account_id"));
			account.terms(terms(rs));
			withPosition(account, rs);
			found[0]++;
		}, (Object) byId.keySet().toArray(String[]::new));
		if (found[0] != byId.size()) {
			// the imports reject rows of unknown accounts, so this is a broken database
			throw new IllegalStateException((byId.size() - found[0])
					+ " accounts of this chunk are not in card.account. Stop the day: rows of unknown accounts"
					+ " were accepted, which the imports do not do.");
		}
	}

	/**
	 * Saves the positions of {@code accounts} and sets {@code watermark} (a
	 * {@code card.balance} date column, or null when the position itself is the
	 * watermark) to {@code businessDate}, in the caller's transaction.
	 */
	public static void save(JdbcTemplate jdbc, List<? extends LedgerAccount> accounts, String watermark,
			LocalDate businessDate) {
		String sql = watermark == null ? SAVE.formatted("", "", "")
				: SAVE.formatted(", " + watermark, ", ?", ", " + watermark + " = EXCLUDED." + watermark);
		jdbc.batchUpdate(sql, accounts, 1000, (ps, account) -> {
			Position p = account.position;
			if (p.lastClosedOn == null) {
				// a new ledger: its first open cycle is the one the business date is in
				p.lastClosedOn = StatementCycle.closingOnOrBefore(businessDate.minusDays(1), account.closingDay);
			}
			Object[] values = { account.accountId, p.shoppingPrincipal, p.cashPrincipal, p.billedInterest, p.billedFees,
					p.billedLateCharges, p.creditBalance, p.interest365, p.interest366, p.lateCharge365,
					p.lateCharge366, p.lastClosedOn, p.dueDate, p.amountDue, p.duePrincipal, p.overdueSince, p.pastDue,
					p.pastDuePrincipal, p.repaidSinceClose, p.principalRepaidSinceClose, p.repaidOn, p.repaidThatDay,
					p.principalRepaidThatDay };
			for (int i = 0; i < values.length; i++) {
				ps.setObject(i + 1, values[i]);
			}
			if (watermark != null) {
				ps.setObject(values.length + 1, businessDate);
			}
		});
	}

	/**
	 * Saves what accrual changes of {@code accounts}, and nothing else: the accrued
	 * interest and late charges by day basis, and the watermark {@code accrued_through}.
	 * Principal, billed amounts and credit balance stay as the posting jobs left them, so
	 * accrual cannot put an account out of balance with its journal.
	 */
	public static void saveAccruals(JdbcTemplate jdbc, List<? extends LedgerAccount> accounts, LocalDate businessDate) {
		int n = accounts.size();
		String[] ids = new String[n];
		BigDecimal[][] accrued = new BigDecimal[4][n];
		for (int i = 0; i < n; i++) {
			LedgerAccount account = accounts.get(i);
			Position p = account.position;
			ids[i] = account.accountId;
			accrued[0][i] = p.interest365;
			accrued[1][i] = p.interest366;
			accrued[2][i] = p.lateCharge365;
			accrued[3][i] = p.lateCharge366;
		}
		// one statement for the chunk: an UPDATE is not rewritten into one by the driver
		// as a batch of INSERTs is
		jdbc.update("""
				UPDATE card.balance b SET interest_365 = u.interest_365, interest_366 = u.interest_366,
				    late_charge_365 = u.late_charge_365, late_charge_366 = u.late_charge_366, accrued_through = ?
				FROM unnest(CAST(? AS CHAR(10)[]), CAST(? AS NUMERIC[]), CAST(? AS NUMERIC[]), CAST(? AS NUMERIC[]),
				            CAST(? AS NUMERIC[]))
				     AS u(account_id, interest_365, interest_366, late_charge_365, late_charge_366)
				WHERE b.account_id = u.account_id""", businessDate, ids, accrued[0], accrued[1], accrued[2],
				accrued[3]);
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, LocalDate.class);
	}

	private static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
		BigDecimal value = rs.getBigDecimal(column);
		return value == null ? BigDecimal.ZERO : value;
	}

}
