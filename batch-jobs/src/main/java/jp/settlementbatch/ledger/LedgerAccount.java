package jp.settlementbatch.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An account as the ledger's money rules see it: its terms from the card master, its
 * {@link Position}, and the last day accrued. Plain values: the ledger jobs load and save
 * it with {@link LedgerRows}.
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

	}

	public final String accountId;

	public boolean revolving;

	public BigDecimal shoppingApr;

	public BigDecimal cashApr;

	public int closingDay;

	public int paymentDay;

	public final Position position = new Position();

	/** The last day accrued, before this run. */
	public final LocalDate accruedThrough;

	public LedgerAccount(Terms terms, LocalDate accruedThrough) {
		this.accountId = terms.accountId();
		this.accruedThrough = accruedThrough;
		terms(terms);
	}

	/**
	 * An account known by its id alone, whose terms and position are loaded with its
	 * chunk ({@link LedgerRows#load}).
	 */
	protected LedgerAccount(String accountId) {
		this.accountId = accountId;
		this.accruedThrough = null;
	}

	/** Sets the card-master terms. */
	void terms(Terms terms) {
		this.revolving = terms.revolving();
		this.shoppingApr = terms.shoppingApr();
		this.cashApr = terms.cashApr();
		this.closingDay = terms.closingDay();
		this.paymentDay = terms.paymentDay();
	}

	/** The rate of shopping principal: 0 for LUMP_SUM, which does not bear interest. */
	public BigDecimal shoppingRate() {
		return this.revolving ? this.shoppingApr : BigDecimal.ZERO;
	}

}
