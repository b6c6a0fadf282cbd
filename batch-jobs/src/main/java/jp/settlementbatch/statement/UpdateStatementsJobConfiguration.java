package jp.settlementbatch.statement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import jp.settlementbatch.ledger.AccountWork;
import jp.settlementbatch.ledger.Journal;
import jp.settlementbatch.ledger.LedgerAccount;
import jp.settlementbatch.ledger.LedgerJobs;
import jp.settlementbatch.ledger.LedgerRows;
import jp.settlementbatch.ledger.Partition;
import jp.settlementbatch.ledger.Position;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code update-statements}: posts the business date's accepted cash flows to their
 * accounts' open cycle, in {@code transacted_at} order: the journal of the day per kind
 * (the statement lines are the cash flows themselves, {@code report.statement_line}), the
 * balances ({@link Position}) and the value-dated principal movements interest accrues
 * on. Watermark: {@code card.balance.statements_through}.
 */
@Configuration(proxyBeanMethods = false)
class UpdateStatementsJobConfiguration {

	static final String NAME = "update-statements";

	@Bean
	Job updateStatementsJob(LedgerJobs ledger, DataSource dataSource) {
		return ledger.postingJob(NAME, "post-cash-flows", new PostCashFlows(dataSource));
	}

	/** One account's cash flows of the day. */
	static final class AccountDay extends LedgerAccount {

		final List<Object[]> cashFlows = new ArrayList<>();

		AccountDay(ResultSet rs) throws SQLException {
			super(rs.getString("account_id"));
		}

	}

	static final class PostCashFlows extends AccountWork<AccountDay> {

		PostCashFlows(DataSource dataSource) {
			super(dataSource);
		}

		@Override
		protected String sql() {
			// the day's cash flows alone, narrow and sorted; the terms and balances are
			// read per chunk, as this job writes them
			return """
					SELECT c.account_id, c.type, c.amount, c.value_date
					FROM batch.import_file f
					JOIN payment.cash_flow c ON c.file_id = f.file_id AND c.reject_reason IS NULL
					WHERE f.file_type = 'CASH_FLOWS' AND f.status = 'ACCEPTED' AND f.posted_on = ?
					  AND """ + Partition.condition("c.account_id") + """
					ORDER BY c.account_id COLLATE "C", c.transacted_at, c.transaction_id COLLATE "C"
					""";
		}

		@Override
		protected String watermark() {
			return "statements_through";
		}

		@Override
		protected Object[] parameters() {
			Object[] p = this.partition.parameters();
			return new Object[] { this.businessDate, p[0], p[1], p[2] };
		}

		@Override
		protected AccountDay start(ResultSet first) throws SQLException {
			return new AccountDay(first);
		}

		@Override
		protected void add(AccountDay item, ResultSet row) throws SQLException {
			item.cashFlows.add(new Object[] { row.getString("type"), row.getLong("amount"),
					row.getObject("value_date", LocalDate.class) });
		}

		@Override
		public void write(Chunk<? extends AccountDay> chunk) {
			LedgerRows.load(this.jdbc, chunk.getItems());
			Journal journal = new Journal();
			for (AccountDay day : chunk) {
				post(day, this.businessDate, journal);
			}
			journal.write(this.jdbc);
			LedgerRows.save(this.jdbc, chunk.getItems(), "statements_through", this.businessDate);
		}

	}

	/** Applies one account's cash flows of {@code businessDate} in order. */
	static void post(AccountDay day, LocalDate businessDate, Journal journal) {
		Position position = day.position;
		Map<String, Long> byKind = new TreeMap<>();
		Map<LocalDate, long[]> principalByValueDate = new TreeMap<>();
		for (Object[] cashFlow : day.cashFlows) {
			String type = (String) cashFlow[0];
			long amount = (Long) cashFlow[1];
			LocalDate valueDate = (LocalDate) cashFlow[2];
			Position.PrincipalChange change = switch (type) {
				case "PURCHASE" -> position.purchase(amount);
				case "CASH_ADVANCE" -> position.cashAdvance(amount);
				case "REFUND" -> position.refund(amount);
				case "FEE" -> {
					position.fee(amount);
					yield new Position.PrincipalChange(0, 0);
				}
				default -> throw new IllegalStateException("Unknown cash-flow type " + type);
			};
			byKind.merge(type, amount, Long::sum);
			long[] moved = principalByValueDate.computeIfAbsent(valueDate, d -> new long[2]);
			moved[0] += change.shopping();
			moved[1] += change.cash();
		}
		byKind.forEach((kind, amount) -> journal.entry(day.accountId, businessDate, kind, amount));
		principalByValueDate.forEach((valueDate, moved) -> journal.movement(day.accountId, businessDate, valueDate,
				"CASH_FLOW", moved[0], moved[1]));
	}

}
