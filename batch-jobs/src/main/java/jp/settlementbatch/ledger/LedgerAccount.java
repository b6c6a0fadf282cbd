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

	public final boolean revolving;

	public final BigDecimal shoppingApr;

	public final BigDecimal cashApr;

	public final int closingDay;

	public final int paymentDay;

	public final Position position = new Position();

	/** The last day accrued, before this run. */
	public final LocalDate accruedThrough;

	public LedgerAccount(Terms terms, LocalDate accruedThrough) {
		this.accountId = terms.accountId();
		this.revolving = terms.revolving();
		this.shoppingApr = terms.shoppingApr();
		this.cashApr = terms.cashApr();
		this.closingDay = terms.closingDay();
		this.paymentDay = terms.paymentDay();
		this.accruedThrough = accruedThrough;
	}

	/** The rate of shopping principal: 0 for LUMP_SUM, which does not bear interest. */
	public BigDecimal shoppingRate() {
		return this.revolving ? this.shoppingApr : BigDecimal.ZERO;
	}

}
