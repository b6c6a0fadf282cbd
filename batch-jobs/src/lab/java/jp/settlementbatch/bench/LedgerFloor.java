package jp.settlementbatch.bench;

import java.time.LocalDate;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The floor of each ledger job's data work: the same reads and writes as the job, on the
 * same tables and the same data, as one set-based SQL statement per job, run in a
 * transaction that is then rolled back, so the job itself runs next on the very same
 * state. The floor's rows are left dead, not vacuumed: a vacuum would tell the planner
 * that the tables the job is about to fill are empty, which no production day sees. So the
 * job pays for the floor's dead rows, and its ratio to the floor errs on its own side.
 * <p>
 * What a floor leaves out, because only per-account order can decide it (and these are
 * exactly the rules the jobs keep in plain Java): the absorption of a charge by credit
 * balance and the order of the day's cash flows; the accounts a repayment opens a ledger
 * for; accrual's value-dated catch-up, late charges and the days an account skipped; at
 * close, credit balance absorbing the posted interest, the holiday rule of the due date
 * and the amounts due carried over. Every figure of a floor is money-shaped, not money-right:
 * it is a measure of work, not a second ledger.
 */
public final class LedgerFloor {

	/** The accepted cash flows and repayments of the run's date, not yet claimed. */
	private static final String DAY_FILE = "f.status = 'ACCEPTED' AND f.business_date = :day";

	private static final Map<String, String> FLOORS = Map.of("update-statements", """
			WITH c AS (
			    SELECT c.account_id, c.type, c.amount, c.value_date
			    FROM batch.import_file f
			    JOIN payment.cash_flow c ON c.file_id = f.file_id AND c.reject_reason IS NULL
			    WHERE f.file_type = 'CASH_FLOWS' AND %1$s),
			entries AS (
			    INSERT INTO card.ledger_entry (account_id, entry_date, kind, amount)
			    SELECT account_id, :day, type, sum(amount) FROM c GROUP BY account_id, type RETURNING 1),
			movements AS (
			    INSERT INTO card.principal_movement (account_id, business_date, value_date, source, shopping_delta,
			        cash_delta)
			    SELECT account_id, :day, value_date, 'CASH_FLOW',
			           sum(CASE type WHEN 'PURCHASE' THEN amount WHEN 'REFUND' THEN -amount ELSE 0 END),
			           sum(CASE type WHEN 'CASH_ADVANCE' THEN amount ELSE 0 END)
			    FROM c WHERE type <> 'FEE' GROUP BY account_id, value_date RETURNING 1),
			d AS (
			    SELECT account_id,
			           coalesce(sum(amount) FILTER (WHERE type = 'PURCHASE'), 0)
			               - coalesce(sum(amount) FILTER (WHERE type = 'REFUND'), 0) AS shopping,
			           coalesce(sum(amount) FILTER (WHERE type = 'CASH_ADVANCE'), 0) AS cash,
			           coalesce(sum(amount) FILTER (WHERE type = 'FEE'), 0) AS fees
			    FROM c GROUP BY account_id)
			INSERT INTO card.balance AS b (account_id, shopping_principal, cash_principal, billed_fees, credit_balance,
			    last_closed_on, statements_through)
			SELECT d.account_id, greatest(d.shopping, 0), d.cash, d.fees, greatest(-d.shopping, 0),
			       card.closing_on_or_before(:day - 1, a.closing_day), :day
			FROM d JOIN card.account a ON a.account_id = d.account_id
			ON CONFLICT (account_id) DO UPDATE SET
			    shopping_principal = greatest(b.shopping_principal + EXCLUDED.shopping_principal
			        - EXCLUDED.credit_balance, 0),
			    cash_principal = b.cash_principal + EXCLUDED.cash_principal,
			    billed_fees = b.billed_fees + EXCLUDED.billed_fees,
			    credit_balance = b.credit_balance + greatest(EXCLUDED.credit_balance - b.shopping_principal, 0),
			    statements_through = EXCLUDED.statements_through
			""".formatted(DAY_FILE), "update-repayments", """
			WITH r AS (
			    SELECT r.repayment_id, r.account_id, r.amount, r.value_date,
			           sum(r.amount) OVER (PARTITION BY r.account_id ORDER BY r.paid_at, r.repayment_id
			                               ROWS UNBOUNDED PRECEDING) - r.amount AS lo
			    FROM batch.import_file f
			    JOIN repayment.repayment r ON r.file_id = f.file_id AND r.reject_reason IS NULL
			    WHERE f.file_type = 'REPAYMENTS' AND %1$s),
			caps AS (
			    SELECT r.*, r.lo + r.amount AS hi, b.billed_late_charges AS c1,
			           b.billed_late_charges + b.billed_fees AS c2,
			           b.billed_late_charges + b.billed_fees + b.billed_interest AS c3,
			           b.billed_late_charges + b.billed_fees + b.billed_interest + b.cash_principal AS c4,
			           b.billed_late_charges + b.billed_fees + b.billed_interest + b.cash_principal
			               + b.shopping_principal AS c5
			    FROM r JOIN card.balance b ON b.account_id = r.account_id),
			a AS (
			    SELECT repayment_id, account_id, amount, value_date,
			           greatest(least(hi, c1) - lo, 0) AS late,
			           greatest(least(hi, c2) - greatest(lo, c1), 0) AS fees,
			           greatest(least(hi, c3) - greatest(lo, c2), 0) AS interest,
			           greatest(least(hi, c4) - greatest(lo, c3), 0) AS cash,
			           greatest(least(hi, c5) - greatest(lo, c4), 0) AS shopping,
			           greatest(hi - greatest(lo, c5), 0) AS credit
			    FROM caps),
			allocations AS (
			    INSERT INTO repayment.allocation (repayment_id, account_id, business_date, value_date, amount,
			        late_charges, fees, interest, cash_principal, shopping_principal, credit_balance)
			    SELECT repayment_id, account_id, :day, value_date, amount, late, fees, interest, cash, shopping, credit
			    FROM a RETURNING 1),
			entries AS (
			    INSERT INTO card.ledger_entry (account_id, entry_date, kind, amount)
			    SELECT account_id, :day, 'REPAYMENT', sum(amount) FROM a GROUP BY account_id RETURNING 1),
			movements AS (
			    INSERT INTO card.principal_movement (account_id, business_date, value_date, source, shopping_delta,
			        cash_delta)
			    SELECT account_id, :day, value_date, 'REPAYMENT', -sum(shopping), -sum(cash)
			    FROM a GROUP BY account_id, value_date HAVING sum(shopping) + sum(cash) > 0 RETURNING 1),
			s AS (
			    SELECT account_id, sum(amount) AS amount, sum(late) AS late, sum(fees) AS fees,
			           sum(interest) AS interest, sum(cash) AS cash, sum(shopping) AS shopping, sum(credit) AS credit
			    FROM a GROUP BY account_id)
			UPDATE card.balance b SET billed_late_charges = b.billed_late_charges - s.late,
			    billed_fees = b.billed_fees - s.fees, billed_interest = b.billed_interest - s.interest,
			    cash_principal = b.cash_principal - s.cash, shopping_principal = b.shopping_principal - s.shopping,
			    credit_balance = b.credit_balance + s.credit, repayments_through = :day
			FROM s WHERE b.account_id = s.account_id
			""".formatted(DAY_FILE), "accrue-interest", """
			WITH due AS (
			    SELECT b.account_id, v.apr, v.principal,
			           CASE WHEN :day <= card.closing_date(:month, a.closing_day) THEN card.closing_date(:month, a.closing_day)
			                ELSE card.closing_date(:next_month, a.closing_day) END AS cycle_close
			    FROM card.balance b
			    JOIN card.account a ON a.account_id = b.account_id
			    CROSS JOIN LATERAL (VALUES (CASE WHEN a.repayment_method = 'REVOLVING' THEN a.shopping_apr ELSE 0 END,
			                                b.shopping_principal),
			                               (a.cash_apr, b.cash_principal)) v(apr, principal)
			    WHERE (b.accrued_through IS NULL OR b.accrued_through < :day) AND v.principal > 0 AND v.apr > 0),
			accruals AS (
			    INSERT INTO card.daily_accrual (account_id, accrual_date, kind, apr, booked_on, principal, basis, amount,
			        cycle_close, catch_up)
			    SELECT account_id, :day, 'INTEREST', apr, :day, sum(principal), :basis,
			           round(sum(principal) * apr / (100 * :basis), 12), cycle_close, false
			    FROM due GROUP BY account_id, apr, cycle_close
			    RETURNING account_id, principal * apr AS numerator)
			UPDATE card.balance b SET interest_numerator_365 = b.interest_numerator_365 + coalesce(s.numerator, 0),
			    accrued_through = :day
			FROM (SELECT b.account_id, sum(x.numerator) AS numerator FROM card.balance b
			      LEFT JOIN accruals x ON x.account_id = b.account_id
			      WHERE b.accrued_through IS NULL OR b.accrued_through < :day GROUP BY b.account_id) s
			WHERE b.account_id = s.account_id
			""", "close-statements", """
			WITH c AS (
			    SELECT b.account_id, b.last_closed_on, a.repayment_method, a.payment_day, x.closing_date,
			           b.interest_numerator_365
			    FROM card.balance b
			    JOIN card.account a ON a.account_id = b.account_id
			    CROSS JOIN LATERAL (SELECT card.closing_on_or_before(:day, a.closing_day) AS closing_date) x
			    WHERE x.closing_date > b.last_closed_on),
			j AS (
			    SELECT e.account_id,
			           coalesce(sum(e.amount) FILTER (WHERE e.kind = 'PURCHASE'), 0) AS purchases,
			           coalesce(sum(e.amount) FILTER (WHERE e.kind = 'REFUND'), 0) AS refunds,
			           coalesce(sum(e.amount) FILTER (WHERE e.kind = 'CASH_ADVANCE'), 0) AS cash_advances,
			           coalesce(sum(e.amount) FILTER (WHERE e.kind = 'FEE'), 0) AS fees,
			           coalesce(sum(e.amount) FILTER (WHERE e.kind = 'REPAYMENT'), 0) AS repayments
			    FROM c JOIN card.ledger_entry e ON e.account_id = c.account_id
			         AND e.entry_date > c.last_closed_on AND e.entry_date <= c.closing_date
			    GROUP BY e.account_id),
			accrued AS (
			    SELECT d.account_id,
			           trunc(coalesce(sum(d.principal * d.apr) FILTER (WHERE d.kind = 'INTEREST' AND d.basis = 365), 0)
			                 / 36500)
			               + trunc(coalesce(sum(d.principal * d.apr) FILTER (WHERE d.kind = 'INTEREST' AND d.basis = 366),
			                 0) / 36600) AS interest,
			           trunc(coalesce(sum(d.principal * d.apr) FILTER (WHERE d.kind = 'LATE_CHARGE' AND d.basis = 365),
			                 0) / 36500)
			               + trunc(coalesce(sum(d.principal * d.apr) FILTER (WHERE d.kind = 'LATE_CHARGE' AND d.basis = 366),
			                 0) / 36600) AS late_charges
			    FROM c JOIN card.daily_accrual d ON d.account_id = c.account_id
			         AND d.cycle_close > c.last_closed_on AND d.cycle_close <= :day
			    GROUP BY d.account_id),
			opening AS (
			    SELECT DISTINCT ON (s.account_id) s.account_id, s.closing_balance
			    FROM c JOIN card.statement s ON s.account_id = c.account_id
			    ORDER BY s.account_id, s.closing_date DESC),
			st AS (
			    SELECT c.account_id, c.closing_date, c.last_closed_on + 1 AS cycle_start, c.repayment_method,
			           card.closing_date(CAST(date_trunc('month', c.closing_date + 31) AS DATE), c.payment_day)
			               AS due_date,
			           coalesce(o.closing_balance, 0) AS opening_balance, coalesce(j.purchases, 0) AS purchases,
			           coalesce(j.refunds, 0) AS refunds, coalesce(j.cash_advances, 0) AS cash_advances,
			           coalesce(j.fees, 0) AS fees, CAST(coalesce(x.interest, 0) AS BIGINT) AS interest,
			           CAST(coalesce(x.late_charges, 0) AS BIGINT) AS late_charges, coalesce(j.repayments, 0) AS repayments
			    FROM c LEFT JOIN j ON j.account_id = c.account_id LEFT JOIN accrued x ON x.account_id = c.account_id
			    LEFT JOIN opening o ON o.account_id = c.account_id),
			closed AS (
			    SELECT st.*, opening_balance + purchases - refunds + cash_advances + fees + interest + late_charges
			               - repayments AS closing_balance
			    FROM st),
			due AS (
			    SELECT closed.*,
			           CASE WHEN closing_balance <= 0 THEN 0
			                WHEN repayment_method = 'LUMP_SUM' THEN closing_balance
			                ELSE least(closing_balance, greatest(interest + fees + late_charges,
			                     CASE WHEN closing_balance <= 100000 THEN 3000 WHEN closing_balance <= 200000 THEN 6000
			                          WHEN closing_balance <= 300000 THEN 9000 WHEN closing_balance <= 500000 THEN 15000
			                          WHEN closing_balance <= 1000000 THEN 20000
			                          WHEN closing_balance <= 2000000 THEN 50000 ELSE 70000 END)) END AS minimum_payment
			    FROM closed),
			entries AS (
			    INSERT INTO card.ledger_entry (account_id, entry_date, kind, amount)
			    SELECT account_id, closing_date, kind, amount
			    FROM due CROSS JOIN LATERAL (VALUES ('INTEREST', interest), ('LATE_CHARGE', late_charges)) v(kind, amount)
			    WHERE amount > 0 RETURNING 1),
			statements AS (
			    INSERT INTO card.statement (account_id, closing_date, cycle_start, due_date, opening_balance, purchases,
			        refunds, cash_advances, fees, interest, late_charges, repayments, closing_balance, minimum_payment,
			        amount_due, closed_on)
			    SELECT account_id, closing_date, cycle_start, due_date, opening_balance, purchases, refunds,
			           cash_advances, fees, interest, late_charges, repayments, closing_balance, minimum_payment,
			           minimum_payment, :day
			    FROM due WHERE opening_balance <> 0 OR closing_balance <> 0 OR purchases + refunds + cash_advances
			          + fees + repayments <> 0
			    RETURNING 1),
			amounts_due AS (
			    INSERT INTO card.amount_due (account_id, closing_date, due_date, amount, principal)
			    SELECT account_id, closing_date, due_date, minimum_payment,
			           greatest(minimum_payment - interest - fees - late_charges, 0)
			    FROM due WHERE minimum_payment > 0 RETURNING 1)
			UPDATE card.balance b SET billed_interest = b.billed_interest + due.interest,
			    billed_late_charges = b.billed_late_charges + due.late_charges,
			    interest_numerator_365 = 0, interest_numerator_366 = 0, late_charge_numerator_365 = 0,
			    late_charge_numerator_366 = 0, last_closed_on = due.closing_date
			FROM due WHERE b.account_id = due.account_id
			""");

	private final DataSource dataSource;

	public LedgerFloor(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** Whether {@code job} has a floor. */
	public static boolean covers(String job) {
		return FLOORS.containsKey(job);
	}

	/**
	 * Runs the floor of {@code job} for {@code day} and rolls it back; returns the
	 * accounts whose balance it wrote.
	 */
	public long run(String job, LocalDate day) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("day", day)
			.addValue("month", day.withDayOfMonth(1))
			.addValue("next_month", day.withDayOfMonth(1).plusMonths(1))
			.addValue("basis", day.isLeapYear() ? 366 : 365);
		NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(this.dataSource);
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(this.dataSource));
		Integer accounts = transaction.execute(status -> {
			int written = named.update(FLOORS.get(job), parameters);
			status.setRollbackOnly();
			return written;
		});
		return accounts == null ? 0 : accounts;
	}

}
