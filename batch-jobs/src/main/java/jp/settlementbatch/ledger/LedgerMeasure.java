package jp.settlementbatch.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.settlementbatch.support.config.RunParameters;
import jp.settlementbatch.support.progress.EmbeddedMetrics.Metric;
import jp.settlementbatch.support.progress.JobMeasure;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A ledger job's metrics: the accounts it holds for an operator ({@code AccountsHeld})
 * and, for the jobs that post, the yen its partition booked on the date
 * ({@code AmountPosted}: the posting jobs' journal, the close's interest and late
 * charges).
 */
final class LedgerMeasure implements JobMeasure {

	private static final Map<String, String> POSTED = Map.of("update-statements", """
			SELECT sum(amount) FROM card.ledger_entry
			WHERE entry_date = ? AND kind IN ('PURCHASE', 'REFUND', 'CASH_ADVANCE', 'FEE') AND %s""",
			"update-repayments", """
					SELECT sum(amount) FROM card.ledger_entry
					WHERE entry_date = ? AND kind = 'REPAYMENT' AND %s""", "close-statements", """
					SELECT sum(interest + late_charges) FROM card.statement WHERE closed_on = ? AND %s""");

	private static final List<String> JOBS = List.of("update-statements", "update-repayments", "accrue-interest",
			"close-statements");

	private final JdbcTemplate jdbc;

	LedgerMeasure(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Metric> measure(JobExecution execution) {
		String job = execution.getJobInstance().getJobName();
		if (!JOBS.contains(job)) {
			return List.of();
		}
		LocalDate date = RunParameters.of(execution.getJobParameters()).businessDate();
		Partition partition = Partition.of(execution.getJobParameters());
		List<Metric> metrics = new ArrayList<>();
		metrics.add(Metric.count("AccountsHeld", new HeldAccounts(this.jdbc).held(job, date, partition)));
		String posted = POSTED.get(job);
		if (posted != null) {
			Object[] p = partition.parameters();
			BigDecimal amount = this.jdbc.queryForObject(posted.formatted(Partition.condition("account_id")),
					BigDecimal.class, date, p[0], p[1], p[2]);
			metrics.add(Metric.yen("AmountPosted", amount == null ? 0 : amount.longValue()));
		}
		return metrics;
	}

}
