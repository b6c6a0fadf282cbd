package jp.settlementbatch.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jp.settlementbatch.support.db.PgCopy;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The journal rows a chunk of a ledger job posts: per account and date, the gross amount
 * of each kind ({@code card.ledger_entry}), and the value-dated principal movements
 * ({@code card.principal_movement}). Written with COPY on the chunk's connection, with
 * the positions, in the chunk's transaction; their primary keys make a second posting of
 * the same day impossible.
 */
public final class Journal {

	private final List<Object[]> entries = new ArrayList<>();

	private final List<Object[]> movements = new ArrayList<>();

	public void entry(String accountId, LocalDate date, String kind, long amount) {
		if (amount != 0) {
			this.entries.add(new Object[] { accountId, date, kind, amount });
		}
	}

	public void movement(String accountId, LocalDate businessDate, LocalDate valueDate, String source, long shopping,
			long cash) {
		if (shopping != 0 || cash != 0) {
			this.movements.add(new Object[] { accountId, businessDate, valueDate, source, shopping, cash });
		}
	}

	public void write(JdbcTemplate jdbc) {
		DataSource dataSource = jdbc.getDataSource();
		if (!this.entries.isEmpty()) {
			PgCopy copy = PgCopy.into(dataSource, "card.ledger_entry", "account_id, entry_date, kind, amount");
			this.entries.forEach(copy::row);
			copy.finish();
		}
		if (!this.movements.isEmpty()) {
			PgCopy copy = PgCopy.into(dataSource, "card.principal_movement",
					"account_id, business_date, value_date, source, shopping_delta, cash_delta");
			this.movements.forEach(copy::row);
			copy.finish();
		}
	}

}
