package jp.settlementbatch.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jp.settlementbatch.support.db.PgCopy;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The repository of {@code card.amount_due} and {@code card.due_credit}: an account's
 * {@link AmountsDue} as a chunk needs them, and what a chunk changed of them.
 */
public final class AmountsDueRows {

	/** For {@link #load}: only the amounts still unpaid now. */
	public static final LocalDate UNPAID = LocalDate.of(9999, 12, 31);

	/** For {@link #load}: whatever their due date. */
	public static final LocalDate ANY_DUE_DATE = LocalDate.of(9999, 12, 31);

	private AmountsDueRows() {
	}

	/**
	 * The amounts due of {@code accountIds} that were still unpaid on {@code unpaidOn}
	 * (by the credits known now) and fall due before {@code dueBefore}, with every credit
	 * toward them; an account with none gets an empty {@link AmountsDue}.
	 */
	public static Map<String, AmountsDue> load(JdbcTemplate jdbc, Collection<String> accountIds, LocalDate unpaidOn,
			LocalDate dueBefore) {
		Map<String, AmountsDue> byAccount = new HashMap<>();
		accountIds.forEach(id -> byAccount.put(id, new AmountsDue()));
		if (accountIds.isEmpty()) {
			return byAccount;
		}
		Map<String, Map<LocalDate, AmountsDue.Due>> dues = new LinkedHashMap<>();
		Map<String, Map<LocalDate, List<AmountsDue.Part>>> parts = new HashMap<>();
		jdbc.query("""
				SELECT d.account_id, d.closing_date, d.due_date, d.amount, d.principal,
				       c.source, c.posted_on, c.value_date, c.amount AS part, c.billed_since
				FROM card.amount_due d
				LEFT JOIN card.due_credit c ON c.account_id = d.account_id AND c.closing_date = d.closing_date
				WHERE d.account_id = ANY (CAST(? AS CHAR(10)[]))
				  AND coalesce(d.settled_on, DATE '9999-12-31') >= ? AND d.due_date < ?""", (RowCallbackHandler) rs -> {
			String account = rs.getString("account_id");
			LocalDate closing = rs.getObject("closing_date", LocalDate.class);
			AmountsDue.Due due = new AmountsDue.Due(closing, rs.getObject("due_date", LocalDate.class),
					rs.getLong("amount"), rs.getLong("principal"));
			dues.computeIfAbsent(account, a -> new TreeMap<>()).putIfAbsent(closing, due);
			List<AmountsDue.Part> credits = parts.computeIfAbsent(account, a -> new HashMap<>())
				.computeIfAbsent(closing, c -> new ArrayList<>());
			if (rs.getString("source") != null) {
				credits.add(new AmountsDue.Part(closing, AmountsDue.Source.valueOf(rs.getString("source")),
						rs.getObject("posted_on", LocalDate.class), rs.getObject("value_date", LocalDate.class),
						rs.getLong("part"), rs.getObject("billed_since", LocalDate.class)));
			}
		}, accountIds.toArray(String[]::new), unpaidOn, dueBefore);
		dues.forEach((account, byClosing) -> byClosing.values()
			.forEach(due -> byAccount.get(account).add(due, parts.get(account).get(due.closingDate()))));
		return byAccount;
	}

	/**
	 * Saves what changed of the amounts due of {@code accounts}, in the caller's
	 * transaction: the amounts opened, and for every amount whose credits changed, what
	 * now counts toward it (one row per posting date, source and value date) and what is
	 * paid of it.
	 */
	public static void save(JdbcTemplate jdbc, Map<String, AmountsDue> accounts) {
		List<Object[]> opened = new ArrayList<>();
		List<Object[]> paid = new ArrayList<>();
		Map<List<Object>, long[]> credits = new LinkedHashMap<>();
		Map<List<Object>, LocalDate> billedSince = new HashMap<>();
		List<String> changedAccounts = new ArrayList<>();
		List<String> changedClosings = new ArrayList<>();
		accounts.forEach((account, amounts) -> {
			for (AmountsDue.Due due : amounts.opened()) {
				opened.add(new Object[] { account, due.closingDate(), due.dueDate(), due.amount(), due.principal() });
			}
			for (AmountsDue.Paid change : amounts.paidChanged()) {
				paid.add(new Object[] { change.paid(), change.settledOn(), account, change.closingDate() });
				changedAccounts.add(account);
				changedClosings.add(change.closingDate().toString());
				for (AmountsDue.Part part : change.parts()) {
					List<Object> key = List.of(account, part.closingDate(), part.postedOn(), part.valueDate(),
							part.source().name());
					credits.computeIfAbsent(key, k -> new long[1])[0] += part.amount();
					if (part.billedSince() != null) {
						billedSince.merge(key, part.billedSince(), (a, b) -> a.isAfter(b) ? a : b);
					}
				}
			}
		});
		if (!opened.isEmpty()) {
			PgCopy copy = PgCopy.into(jdbc.getDataSource(), "card.amount_due",
					"account_id, closing_date, due_date, amount, principal");
			opened.forEach(copy::row);
			copy.finish();
		}
		if (changedAccounts.isEmpty()) {
			return;
		}
		jdbc.update("""
				DELETE FROM card.due_credit c
				USING unnest(CAST(? AS CHAR(10)[]), CAST(? AS DATE[])) AS d(account_id, closing_date)
				WHERE c.account_id = d.account_id AND c.closing_date = d.closing_date""",
				changedAccounts.toArray(String[]::new), changedClosings.toArray(String[]::new));
		if (!credits.isEmpty()) {
			PgCopy copy = PgCopy.into(jdbc.getDataSource(), "card.due_credit",
					"account_id, closing_date, posted_on, value_date, source, amount, billed_since");
			credits.forEach((key, amount) -> copy.row(key.get(0), key.get(1), key.get(2), key.get(3), key.get(4),
					amount[0], billedSince.get(key)));
			copy.finish();
		}
		// one statement for the chunk, as the accruals are saved
		long[] paidAmounts = new long[paid.size()];
		String[] settledOn = new String[paid.size()];
		for (int i = 0; i < paid.size(); i++) {
			paidAmounts[i] = (Long) paid.get(i)[0];
			settledOn[i] = paid.get(i)[1] == null ? null : paid.get(i)[1].toString();
		}
		jdbc.update("""
				UPDATE card.amount_due a SET paid = u.paid, settled_on = u.settled_on
				FROM unnest(CAST(? AS BIGINT[]), CAST(? AS DATE[]), CAST(? AS CHAR(10)[]), CAST(? AS DATE[]))
				     AS u(paid, settled_on, account_id, closing_date)
				WHERE a.account_id = u.account_id AND a.closing_date = u.closing_date""", paidAmounts, settledOn,
				changedAccounts.toArray(String[]::new), changedClosings.toArray(String[]::new));
	}

}
