package jp.settlementbatch.support.progress;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Metrics as CloudWatch Embedded Metric Format: one JSON line on stdout, which the
 * awslogs driver delivers to CloudWatch Logs and CloudWatch Logs turns into metrics, with
 * no agent and no API call. The dimensions are low-cardinality only ({@code job},
 * {@code status}); the business date, partition and execution ride along as properties of
 * the line (searchable in Logs Insights, not dimensions).
 *
 * <p>
 * The metric names, their units and what they count are listed in the runbook
 * (step-functions/README.md, "Metrics"); the alarms use them.
 */
public final class EmbeddedMetrics {

	/** The CloudWatch namespace of every metric of the product. */
	public static final String NAMESPACE = "SettlementBatch";

	/** One metric: its name, its CloudWatch unit and its value. */
	public record Metric(String name, String unit, Number value) {

		public static Metric count(String name, long value) {
			return new Metric(name, "Count", value);
		}

		public static Metric seconds(String name, double value) {
			return new Metric(name, "Seconds", value);
		}

		/** An amount of yen (CloudWatch has no currency unit). */
		public static Metric yen(String name, Number value) {
			return new Metric(name, "None", value);
		}

	}

	private static final ObjectMapper JSON = new ObjectMapper();

	private EmbeddedMetrics() {
	}

	/**
	 * The EMF line of {@code metrics} under {@code dimensions} (every dimension is also a
	 * property of the line, as the format requires), with {@code properties} beside. Each
	 * dimension set is the first dimension alone, then all of them.
	 */
	public static String line(Instant at, Map<String, String> dimensions, List<Metric> metrics,
			Map<String, String> properties) {
		Map<String, Object> root = new LinkedHashMap<>();
		List<Map<String, String>> definitions = new ArrayList<>();
		for (Metric metric : metrics) {
			definitions.add(Map.of("Name", metric.name(), "Unit", metric.unit()));
		}
		List<String> names = new ArrayList<>(dimensions.keySet());
		List<List<String>> sets = names.size() > 1 ? List.of(List.of(names.get(0)), names) : List.of(names);
		Map<String, Object> directive = new LinkedHashMap<>();
		directive.put("Namespace", NAMESPACE);
		directive.put("Dimensions", sets);
		directive.put("Metrics", definitions);
		root.put("_aws", Map.of("Timestamp", at.toEpochMilli(), "CloudWatchMetrics", List.of(directive)));
		root.putAll(dimensions);
		for (Metric metric : metrics) {
			root.put(metric.name(), metric.value());
		}
		properties.forEach(root::putIfAbsent);
		try {
			return JSON.writeValueAsString(root);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Writes the line to {@code out} (stdout in the cloud), whole and at once. */
	public static void emit(PrintStream out, Map<String, String> dimensions, List<Metric> metrics) {
		Map<String, String> context = org.slf4j.MDC.getCopyOfContextMap();
		String line = line(Instant.now(), dimensions, metrics, context == null ? Map.of() : context);
		synchronized (out) {
			out.println(line);
			out.flush();
		}
	}

}
