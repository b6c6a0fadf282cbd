package jp.settlementbatch.ledger;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The mapper of {@code card.balance} (with the account's terms from
 * {@code card.account}): a reader's rows ({@link #COLUMNS}, from {@code card.account a}
 * and {@code card.balance b}), a chunk's accounts in one query ({@link #load}), one
 * upsert of the balances with a job's watermark ({@link #save}), or accrual's own columns
 * alone ({@link #saveAccruals}).
 */
public final class LedgerRows {

	/** The columns a reader selects for {@link #read}. */
	public static final String COLUMNS = """
			a.account_id, a.repayment_method, a.shopping_apr, a.cash_apr, a.closing_day, a.payment_day,
			b.shopping_principal, b.cash_principal, b.billed_interest, b.billed_fees, b.billed_late_charges,
			b.credit_balance, b.interest_numerator_365, b.interest_numerator_366, b.late_charge_numerator_365,
			b.late_charge_numerator_366, b.last_closed_on, b.accrued_through, b.recheck_from""";

	/**
	 * The terms and balances of a chunk's accounts, for {@link #load}: for the jobs whose
	 * reader reads neither, because it streams the day's rows alone and the job writes
	 * {@code card.balance}.
	 */
	private static final String LOAD = "SELECT " + COLUMNS + """

			FROM card.account a LEFT JOIN card.balance b ON b.account_id = a.account_id
			WHERE a.account_id = ANY (CAST(? AS CHAR(10)[]))""";

	/**
	 * One statement per chunk: the positions as arrays, unnested (a batch of upserts
	 * costs a statement per 128 rows and a parse of each).
	 */
	private static final String SAVE = """
			INSERT INTO card.balance (account_id, shopping_principal, cash_principal, billed_interest, billed_fees,
			    billed_late_charges, credit_balance, interest_numerator_365, interest_numerator_366,
			    late_charge_numerator_365, late_charge_numerator_366, last_closed_on%1$s)
			SELECT u.*%2$s
			FROM unnest(CAST(? AS CHAR(10)[]), CAST(? AS BIGINT[]), CAST(? AS BIGINT[]), CAST(? AS BIGINT[]),
			            CAST(? AS BIGINT[]), CAST(? AS BIGINT[]), CAST(? AS BIGINT[]), CAST(? AS NUMERIC[]),
			            CAST(? AS NUMERIC[]), CAST(? AS NUMERIC[]), CAST(? AS NUMERIC[]), CAST(? AS DATE[])) AS u
			ON CONFLICT (account_id) DO UPDATE SET shopping_principal = EXCLUDED.shopping_principal,
			    cash_principal = EXCLUDED.cash_principal, billed_interest = EXCLUDED.billed_interest,
			    billed_fees = EXCLUDED.billed_fees, billed_late_charges = EXCLUDED.billed_late_charges,
			    credit_balance = EXCLUDED.credit_balance, interest_numerator_365 = EXCLUDED.interest_numerator_365,
			    interest_numerator_366 = EXCLUDED.interest_numerator_366,
			    late_charge_numerator_365 = EXCLUDED.late_charge_numerator_365,
			    late_charge_numerator_366 = EXCLUDED.late_charge_numerator_366,
			    last_closed_on = EXCLUDED.last_closed_on%3$s""";

	private LedgerRows() {
	}

	/** The card-master terms of the row's account. */
	public static LedgerAccount.Terms terms(ResultSet rs) throws SQLException {
		return new LedgerAccount.Terms(rs.getString("account_id"), "REVOLVING".equals(rs.getString("repayment_method")),
				rate(rs, "shopping_apr"), rate(rs, "cash_apr"), rs.getInt("closing_day"), rs.getInt("payment_day"));
	}

	/**
	 * Reads the row's terms and balances into {@code account}; an account without a
	 * ledger yet gets an empty position.
	 */
	public static <T extends LedgerAccount> T read(T account, ResultSet rs) throws SQLException {
		Position position = (rs.getObject("shopping_principal") == null) ? Position.empty()
				: new Position(new Position.Balances(rs.getLong("shopping_principal"), rs.getLong("cash_principal"),
						rs.getLong("billed_interest"), rs.getLong("billed_fees"), rs.getLong("billed_late_charges"),
						rs.getLong("credit_balance")),
						new Accrued(rs.getBigDecimal("interest_numerator_365"),
								rs.getBigDecimal("interest_numerator_366"),
								rs.getBigDecimal("late_charge_numerator_365"),
								rs.getBigDecimal("late_charge_numerator_366")),
						date(rs, "last_closed_on"));
		account.loaded(terms(rs), position, date(rs, "accrued_through"), date(rs, "recheck_from"));
		return account;
	}

	/**
	 * Reads the terms and positions of {@code accounts} in one query, in the caller's
	 * transaction.
	 */
	public static void load(JdbcTemplate jdbc, List<? extends LedgerAccount> accounts) {
		Map<String, LedgerAccount> byId = new HashMap<>();
		accounts.forEach(account -> byId.put(account.accountId, account));
		int[] found = { 0 };
		jdbc.query(LOAD, (RowCallbackHandler) rs -> {
			read(byId.get(rs.getString("account_id")), rs);
			found[0]++;
		}, (Object) byId.keySet().toArray(String[]::new));
		if (found[0] != byId.size()) {
			// the imports take rows of unknown accounts in only as pending lines
			throw new IllegalStateException((byId.size() - found[0])
					+ " accounts of this chunk are not in card.account. Stop the day: rows of unknown accounts"
					+ " were accepted, which the imports do not do.");
		}
	}

	/**
	 * Saves the positions of {@code accounts} and sets {@code watermark} (a
	 * {@code card.balance} date column, or null when the position itself is the
	 * watermark) to {@code businessDate}, in the caller's transaction. A new ledger
	 * starts in the cycle the business date is in.
	 */
	public static void save(JdbcTemplate jdbc, List<? extends LedgerAccount> accounts, String watermark,
			LocalDate businessDate) {
		String sql = watermark == null ? SAVE.formatted("", "", "")
				: SAVE.formatted(", " + watermark, ", CAST(? AS DATE)", ", " + watermark + " = EXCLUDED." + watermark);
		int n = accounts.size();
		String[] ids = new String[n];
		long[][] balances = new long[6][n];
		BigDecimal[][] numerators = new BigDecimal[4][n];
		String[] lastClosedOn = new String[n];
		for (int i = 0; i < n; i++) {
			LedgerAccount account = accounts.get(i);
			Position p = account.position();
			p.startAfter(StatementCycle.closingOnOrBefore(businessDate.minusDays(1), account.terms().closingDay()));
			Position.Balances b = p.balances();
			Accrued a = p.accrued();
			ids[i] = account.accountId;
			balances[0][i] = b.shoppingPrincipal();
			balances[1][i] = b.cashPrincipal();
			balances[2][i] = b.billedInterest();
			balances[3][i] = b.billedFees();
			balances[4][i] = b.billedLateCharges();
			balances[5][i] = b.creditBalance();
			numerators[0][i] = a.interest365();
			numerators[1][i] = a.interest366();
			numerators[2][i] = a.lateCharge365();
			numerators[3][i] = a.lateCharge366();
			lastClosedOn[i] = p.lastClosedOn() == null ? null : p.lastClosedOn().toString();
		}
		List<Object> parameters = new ArrayList<>();
		if (watermark != null) {
			parameters.add(businessDate);
		}
		parameters.add(ids);
		parameters.addAll(List.of(balances));
		parameters.addAll(List.of(numerators));
		parameters.add(lastClosedOn);
		jdbc.update(sql, parameters.toArray());
	}

	/**
	 * What accrual saves of one account: what stays accrued, the overdue state at the
	 * start of the business date.
	 */
	public record Accrual(String accountId, Accrued accrued, long overduePrincipal, LocalDate overdueSince) {

	}

	/**
	 * Saves what accrual changes, and nothing else: the accrued numerators, the overdue
	 * state, and the watermark {@code accrued_through}; a recheck asked for is done.
	 * Principal, billed amounts and credit balance stay as the posting jobs left them, so
	 * accrual cannot put an account out of balance with its journal.
	 */
	public static void saveAccruals(JdbcTemplate jdbc, List<Accrual> accruals, LocalDate businessDate) {
		int n = accruals.size();
		String[] ids = new String[n];
		BigDecimal[][] numerators = new BigDecimal[4][n];
		long[] overdue = new long[n];
		String[] since = new String[n];
		for (int i = 0; i < n; i++) {
			Accrual accrual = accruals.get(i);
			ids[i] = accrual.accountId();
			numerators[0][i] = accrual.accrued().interest365();
			numerators[1][i] = accrual.accrued().interest366();
			numerators[2][i] = accrual.accrued().lateCharge365();
			numerators[3][i] = accrual.accrued().lateCharge366();
			overdue[i] = accrual.overduePrincipal();
			since[i] = accrual.overdueSince() == null ? null : accrual.overdueSince().toString();
		}
		// one statement for the chunk: an UPDATE is not rewritten into one by the driver
		// as a batch of INSERTs is
		jdbc.update("""
				UPDATE card.balance b SET interest_numerator_365 = u.i365, interest_numerator_366 = u.i366,
				    late_charge_numerator_365 = u.l365, late_charge_numerator_366 = u.l366,
				    overdue_principal = u.overdue, overdue_since = u.since, accrued_through = ?, recheck_from = NULL
				FROM unnest(CAST(? AS CHAR(10)[]), CAST(? AS NUMERIC[]), CAST(? AS NUMERIC[]), CAST(? AS NUMERIC[]),
				            CAST(? AS NUMERIC[]), CAST(? AS BIGINT[]), CAST(? AS DATE[]))
				     AS u(account_id, i365, i366, l365, l366, overdue, since)
				WHERE b.account_id = u.account_id""", businessDate, ids, numerators[0], numerators[1], numerators[2],
				numerators[3], overdue, since);
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, LocalDate.class);
	}

	/** A rate as stored (two decimals), so equal rates are equal map keys. */
	static BigDecimal rate(ResultSet rs, String column) throws SQLException {
		return rs.getBigDecimal(column).setScale(2);
	}

}
