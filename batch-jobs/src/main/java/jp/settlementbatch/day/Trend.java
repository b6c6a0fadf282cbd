package jp.settlementbatch.day;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each job's seconds and rows read over the last {@value #RUN_DATES} run dates up to one,
 * from the job repository: a job's partitions count together (first start to last end,
 * rows summed), and only completed executions count.
 */
public record Trend(List<LocalDate> dates, List<String> jobs, Map<String, Map<LocalDate, Point>> points) {

	static final int RUN_DATES = 14;

	/** One job on one run date. */
	public record Point(double seconds, long rows) {

	}

	public Point point(String job, LocalDate date) {
		return this.points.getOrDefault(job, Map.of()).get(date);
	}

	public static Trend of(JdbcTemplate jdbc, LocalDate runDate) {
		Map<String, Map<LocalDate, Point>> points = new LinkedHashMap<>();
		TreeSet<LocalDate> dates = new TreeSet<>();
		jdbc.query("""
				SELECT i.job_name, coalesce(rd.parameter_value, bd.parameter_value) AS run_date,
				       extract(epoch FROM max(e.end_time) - min(e.start_time)) AS seconds,
				       sum((SELECT coalesce(sum(s.read_count), 0) FROM batch.batch_step_execution s
				            WHERE s.job_execution_id = e.job_execution_id)) AS read_count
				FROM batch.batch_job_instance i
				JOIN batch.batch_job_execution e ON e.job_instance_id = i.job_instance_id AND e.status = 'COMPLETED'
				JOIN batch.batch_job_execution_params bd
				  ON bd.job_execution_id = e.job_execution_id AND bd.parameter_name = 'business.date'
				LEFT JOIN batch.batch_job_execution_params rd
				  ON rd.job_execution_id = e.job_execution_id AND rd.parameter_name = 'run.date'
				WHERE coalesce(rd.parameter_value, bd.parameter_value) BETWEEN ? AND ?
				GROUP BY 1, 2 ORDER BY min(e.start_time)""", rs -> {
			LocalDate date = LocalDate.parse(rs.getString("run_date"));
			dates.add(date);
			points.computeIfAbsent(rs.getString("job_name"), job -> new LinkedHashMap<>())
				.put(date, new Point(rs.getDouble("seconds"), rs.getLong("read_count")));
		}, runDate.minusDays(RUN_DATES * 3L).toString(), runDate.toString());
		List<LocalDate> ascending = new ArrayList<>(dates.headSet(runDate, true));
		ascending = new ArrayList<>(ascending.subList(Math.max(0, ascending.size() - RUN_DATES), ascending.size()));
		if (!ascending.contains(runDate)) {
			ascending.add(runDate);
			if (ascending.size() > RUN_DATES) {
				ascending.remove(0);
			}
		}
		return new Trend(ascending, new ArrayList<>(points.keySet()), points);
	}

}
