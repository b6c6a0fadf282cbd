package jp.settlementbatch.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import jp.settlementbatch.support.db.PgCopy;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The journal rows one account's posting makes: per date, the gross amount of each kind
 * ({@code card.ledger_entry}), and the value-dated principal movements
 * ({@code card.principal_movement}). A chunk writes those of its accounts with COPY on
 * the chunk's connection, with the positions, in the chunk's transaction; their primary
 * keys make a second posting of the same day impossible.
 */
public final class Journal {

	/** Where a principal movement came from. */
	public enum Source {

		CASH_FLOW, REPAYMENT, CREDIT

	}

	private record Entry(String accountId, LocalDate date, EntryKind kind, long amount) {

	}

	private record Movement(String accountId, LocalDate businessDate, LocalDate valueDate, Source source, long shopping,
			long cash) {

	}

	private final List<Entry> entries = new ArrayList<>();

	private final List<Movement> movements = new ArrayList<>();

	public void entry(String accountId, LocalDate date, EntryKind kind, long amount) {
		if (amount != 0) {
			this.entries.add(new Entry(accountId, date, kind, amount));
		}
	}

	public void movement(String accountId, LocalDate businessDate, LocalDate valueDate, Source source,
			Position.PrincipalChange change) {
		if (change.shopping() != 0 || change.cash() != 0) {
			this.movements
				.add(new Movement(accountId, businessDate, valueDate, source, change.shopping(), change.cash()));
		}
	}

	/** Writes the rows of {@code journals} in the caller's transaction. */
	public static void write(JdbcTemplate jdbc, Collection<Journal> journals) {
		DataSource dataSource = jdbc.getDataSource();
		if (journals.stream().anyMatch(j -> !j.entries.isEmpty())) {
			PgCopy copy = PgCopy.into(dataSource, "card.ledger_entry", "account_id, entry_date, kind, amount");
			journals
				.forEach(j -> j.entries.forEach(e -> copy.row(e.accountId(), e.date(), e.kind().name(), e.amount())));
			copy.finish();
		}
		if (journals.stream().anyMatch(j -> !j.movements.isEmpty())) {
			PgCopy copy = PgCopy.into(dataSource, "card.principal_movement",
					"account_id, business_date, value_date, source, shopping_delta, cash_delta");
			journals.forEach(j -> j.movements.forEach(m -> copy.row(m.accountId(), m.businessDate(), m.valueDate(),
					m.source().name(), m.shopping(), m.cash())));
			copy.finish();
		}
	}

}
