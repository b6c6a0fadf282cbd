package jp.settlementbatch.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An account as a ledger job works on it: its terms from the card master, its
 * {@link Position}, and the last day accrued, loaded with {@link LedgerRows}; a job's
 * item adds the day's rows.
 */
public class LedgerAccount {

	/**
	 * The late-charge rate: the accounts file carries none, so every account has the
	 * default of ledger.md, which is also its ceiling.
	 */
	public static final BigDecimal LATE_CHARGE_APR = new BigDecimal("14.60");

	/** What the card master says of the account. */
	public record Terms(String accountId, boolean revolving, BigDecimal shoppingApr, BigDecimal cashApr, int closingDay,
			int paymentDay) {

		/**
		 * The rate of shopping principal: 0 for LUMP_SUM, which does not bear interest.
		 */
		public BigDecimal shoppingRate() {
			return this.revolving ? this.shoppingApr : BigDecimal.ZERO;
		}

	}

	public final String accountId;

	private Terms terms;

	private Position position;

	private LocalDate accruedThrough;

	private LocalDate recheckFrom;

	/** An account whose terms and position are loaded with it. */
	public LedgerAccount(Terms terms, Position position, LocalDate accruedThrough) {
		this(terms, position, accruedThrough, null);
	}

	/**
	 * An account whose terms and position are loaded with it, with the first day an
	 * operator's correction asks its next accrual to recompute.
	 */
	public LedgerAccount(Terms terms, Position position, LocalDate accruedThrough, LocalDate recheckFrom) {
		this(terms.accountId());
		loaded(terms, position, accruedThrough, recheckFrom);
	}

	/**
	 * An account known by its id alone, whose terms and position are loaded with its
	 * chunk ({@link LedgerRows#load}).
	 */
	protected LedgerAccount(String accountId) {
		this.accountId = accountId;
	}

	final void loaded(Terms terms, Position position, LocalDate accruedThrough, LocalDate recheckFrom) {
		this.terms = terms;
		this.position = position;
		this.accruedThrough = accruedThrough;
		this.recheckFrom = recheckFrom;
	}

	public Terms terms() {
		return this.terms;
	}

	public Position position() {
		return this.position;
	}

	/** The last day accrued, before this run; null for a ledger not started. */
	public LocalDate accruedThrough() {
		return this.accruedThrough;
	}

	/** The first day the next accrual recomputes, or null. */
	public LocalDate recheckFrom() {
		return this.recheckFrom;
	}

}
