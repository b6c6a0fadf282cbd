package jp.settlementbatch.support.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.settlementbatch.support.progress.EmbeddedMetrics.Metric;
import jp.settlementbatch.support.progress.JobMeasure;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An import's metrics: its files' lines accepted, rejected, duplicate and pending, and
 * the yen of the lines accepted ({@code AmountAccepted}: the trailer's total less what
 * the rejected, duplicate and pending lines amounted to).
 */
final class IntakeMeasure implements JobMeasure {

	private final JdbcTemplate jdbc;

	IntakeMeasure(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Metric> measure(JobExecution execution) {
		List<Map<String, Object>> files = this.jdbc.queryForList(
				"""
						SELECT f.file_id, f.file_type, coalesce(f.accepted_count, 0) AS accepted,
						       coalesce(f.rejected_count, 0) AS rejected, coalesce(f.duplicate_count, 0) AS duplicates,
						       coalesce(f.pending_count, 0) AS pending,
						       CASE WHEN f.status = 'ACCEPTED' AND f.file_type IN ('CASH_FLOWS', 'REPAYMENTS') THEN coalesce(f.amount_total, 0) - coalesce(f.duplicate_amount, 0)
						            - coalesce((SELECT sum(r.amount) FROM batch.import_reject r WHERE r.file_id = f.file_id), 0)
						            ELSE 0 END AS amount
						FROM batch.import_file f WHERE f.job_instance_id = ?""",
				execution.getJobInstance().getInstanceId());
		if (files.isEmpty()) {
			return List.of();
		}
		long accepted = 0;
		long rejected = 0;
		long duplicates = 0;
		long pending = 0;
		long amount = 0;
		for (Map<String, Object> file : files) {
			accepted += ((Number) file.get("accepted")).longValue();
			rejected += ((Number) file.get("rejected")).longValue();
			duplicates += ((Number) file.get("duplicates")).longValue();
			pending += ((Number) file.get("pending")).longValue();
			amount += ((Number) file.get("amount")).longValue();
			String table = PendingLines.TABLES.get((String) file.get("file_type"));
			if (table != null && ((Number) file.get("pending")).longValue() > 0) {
				Number waiting = this.jdbc.queryForObject(
						"SELECT coalesce(sum(amount), 0) FROM " + table
								+ " WHERE file_id = ? AND pending_since IS NOT NULL AND reject_reason IS NULL",
						Number.class, file.get("file_id"));
				amount -= waiting.longValue();
			}
		}
		List<Metric> metrics = new ArrayList<>();
		metrics.add(Metric.count("LinesAccepted", accepted));
		metrics.add(Metric.count("LinesRejected", rejected));
		metrics.add(Metric.count("LinesDuplicate", duplicates));
		metrics.add(Metric.count("LinesPending", pending));
		if (files.stream().anyMatch(file -> PendingLines.TABLES.containsKey((String) file.get("file_type")))) {
			metrics.add(Metric.yen("AmountAccepted", amount));
		}
		return metrics;
	}

}
