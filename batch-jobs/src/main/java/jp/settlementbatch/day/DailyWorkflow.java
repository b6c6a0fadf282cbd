package jp.settlementbatch.day;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.settlementbatch.support.intake.InboundFile;

/**
 * The daily workflow as {@code step-functions/jobs.json} defines it, the one definition
 * the state machines are generated from and the jar carries: the jobs in order, which
 * ones fan out per partition, the run-date rule, and when each inbound file is expected.
 */
public final class DailyWorkflow {

	private static final DailyWorkflow DEFINED = load();

	private final List<String> order;

	private final List<String> partitioned;

	private final List<String> required;

	private final Dates runDates;

	private final Map<InboundFile, Dates> expected;

	private DailyWorkflow(List<String> order, List<String> partitioned, List<String> required, Dates runDates,
			Map<InboundFile, Dates> expected) {
		this.order = List.copyOf(order);
		this.partitioned = List.copyOf(partitioned);
		this.required = List.copyOf(required);
		this.runDates = runDates;
		this.expected = Map.copyOf(expected);
	}

	/** The workflow of this version (jobs.json in the jar). */
	public static DailyWorkflow defined() {
		return DEFINED;
	}

	/** Every job of the day, in order. */
	public List<String> order() {
		return this.order;
	}

	/** The jobs the day runs once per partition. */
	public List<String> partitioned() {
		return this.partitioned;
	}

	/** Whether the day waits for this import's file (on a date it is expected). */
	public boolean required(String job) {
		return this.required.contains(job);
	}

	/** Which dates the daily run runs for. */
	public Dates runDates() {
		return this.runDates;
	}

	/**
	 * The first run date after {@code date} and up to {@code through}, by the run-date
	 * rule; null when there is none.
	 */
	public LocalDate nextRunDate(LocalDate date, LocalDate through, Set<LocalDate> holidays) {
		for (LocalDate next = date.plusDays(1); !next.isAfter(through); next = next.plusDays(1)) {
			if (this.runDates.includes(next, holidays)) {
				return next;
			}
		}
		return null;
	}

	/** When the sender of {@code file} sends it. */
	public Dates expected(InboundFile file) {
		return this.expected.get(file);
	}

	static DailyWorkflow load() {
		try (InputStream in = DailyWorkflow.class.getResourceAsStream("jobs.json")) {
			if (in == null) {
				throw new IllegalStateException("jobs.json is missing from the jar: build it with Maven.");
			}
			return parse(new ObjectMapper().readTree(in));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static DailyWorkflow parse(JsonNode jobs) {
		List<String> order = new ArrayList<>();
		List<String> required = new ArrayList<>();
		Map<InboundFile, Dates> expected = new LinkedHashMap<>();
		for (JsonNode entry : jobs.get("imports")) {
			String job = entry.get("job").asText();
			order.add(job);
			if (entry.get("required").asBoolean()) {
				required.add(job);
			}
			entry.get("expected").fields().forEachRemaining(file -> {
				InboundFile inbound = InboundFile.named(file.getKey().replace("_D.", "_%s."));
				expected.put(inbound, Dates.of(file.getValue().asText()));
			});
		}
		for (InboundFile file : InboundFile.values()) {
			if (!expected.containsKey(file)) {
				throw new IllegalStateException("jobs.json does not say when " + file.fileName() + " is expected.");
			}
		}
		order.add(jobs.get("plan").asText());
		List<String> partitioned = new ArrayList<>();
		jobs.get("partitioned").forEach(job -> partitioned.add(job.asText()));
		order.addAll(partitioned);
		jobs.get("outputs").forEach(job -> order.add(job.asText()));
		return new DailyWorkflow(order, partitioned, required, Dates.of(jobs.get("runDates").get("rule").asText()),
				expected);
	}

}
