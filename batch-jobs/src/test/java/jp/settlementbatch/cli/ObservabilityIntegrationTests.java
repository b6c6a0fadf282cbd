package jp.settlementbatch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.settlementbatch.support.testing.Cli;
import jp.settlementbatch.support.testing.Snapshot;
import jp.settlementbatch.support.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator sees of a day in CloudWatch: the JSON log of the sample days (two
 * partitions), where every line carries its business date and job; one metrics line (EMF)
 * per job, valid by the format's specification; and the runbook's Logs Insights queries,
 * whose filters find what they promise in that log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObservabilityIntegrationTests {

	static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	static Path work;

	List<JsonNode> lines = new ArrayList<>();

	@BeforeAll
	void theSampleDaysInJson() throws IOException {
		Cli cli = new Cli(TestDatabase.fresh());
		Cli.Result days = cli.run("daily", "--business-date=2026-11-20", "--through=2026-11-24", "--partitions=2",
				"--inbox=../sample-files/{date}", "--outbox=" + work.resolve("out"), "--log-format=json");
		assertThat(days.exitCode()).as(days.output()).isZero();
		for (String line : days.output().lines().toList()) {
			this.lines.add(JSON.readTree(line));
		}
	}

	@Test
	void everyLineIsJsonWithItsBusinessDateAndJob() {
		assertThat(this.lines).hasSizeGreaterThan(300);
		for (JsonNode line : this.lines) {
			assertThat(line.path("business_date").asText()).as(line.toString()).matches("2026-11-2[0-4]");
			assertThat(line.path("job").asText()).as(line.toString()).isNotEmpty();
		}
		// inside a job, its execution, its step and its partition too
		assertThat(this.lines).filteredOn(line -> "step_finished".equals(line.path("event").asText()))
			.isNotEmpty()
			.allSatisfy(
					line -> assertThat(line.has("job_execution_id") && line.has("step")).as(line.toString()).isTrue());
		assertThat(this.lines)
			.filteredOn(line -> "update-statements".equals(line.path("job").asText())
					&& "step_finished".equals(line.path("event").asText()))
			.extracting(line -> line.path("partition").asText())
			.contains("0/2", "1/2");
	}

	@Test
	void eachJobWritesOneValidMetricsLine() {
		List<JsonNode> metrics = this.lines.stream().filter(line -> line.has("_aws")).toList();
		metrics.forEach(ObservabilityIntegrationTests::assertValidEmf);
		// one line per job execution, and one per run date for the day
		Set<String> finished = new HashSet<>();
		this.lines.stream()
			.filter(line -> "job_finished".equals(line.path("event").asText()))
			.forEach(line -> finished.add(line.path("job_execution_id").asText()));
		List<String> measured = metrics.stream()
			.filter(line -> !"day".equals(line.path("job").asText()))
			.map(line -> line.path("job_execution_id").asText())
			.toList();
		assertThat(measured).hasSameSizeAs(finished).containsExactlyInAnyOrderElementsOf(finished);
		assertThat(metrics).filteredOn(line -> "day".equals(line.path("job").asText())).hasSize(5);
		// what the imports and the ledger add
		JsonNode cashFlows = metrics.stream()
			.filter(line -> "import-cash-flows".equals(line.path("job").asText())
					&& "2026-11-24".equals(line.path("business_date").asText()))
			.findFirst()
			.orElseThrow();
		assertThat(cashFlows.path("LinesAccepted").asLong()).isEqualTo(2500);
		assertThat(cashFlows.path("LinesRejected").asLong()).isEqualTo(9);
		assertThat(cashFlows.path("LinesDuplicate").asLong()).isEqualTo(1);
		assertThat(cashFlows.path("LinesPending").asLong()).isEqualTo(1);
		assertThat(metrics)
			.filteredOn(line -> "update-statements".equals(line.path("job").asText())
					&& "2026-11-24".equals(line.path("business_date").asText()))
			.hasSize(2)
			.allSatisfy(line -> assertThat(line.path("AmountPosted").asLong()).isPositive())
			.allSatisfy(line -> assertThat(line.path("AccountsHeld").asLong()).isZero());
		JsonNode day = metrics.stream()
			.filter(line -> "day".equals(line.path("job").asText())
					&& "2026-11-24".equals(line.path("business_date").asText()))
			.findFirst()
			.orElseThrow();
		assertThat(day.path("PanIncidents").asLong()).isEqualTo(1);
		assertThat(day.path("ControlTotalsUnbalanced").asLong()).isZero();
	}

	@Test
	void aFailedJobWritesItsMetricsToo() throws IOException {
		String url = TestDatabase.fresh();
		Cli cli = new Cli(url);
		assertThat(cli
			.run("daily", "--business-date=2026-11-20", "--through=2026-11-23", "--inbox=../sample-files/{date}",
					"--outbox=" + work.resolve("failed"))
			.exitCode()).isZero();
		Snapshot.jdbc(url).update("ALTER TABLE repayment.allocation RENAME TO allocation_away");

		Cli.Result failed = cli.run("daily", "--business-date=2026-11-24", "--inbox=../sample-files/{date}",
				"--outbox=" + work.resolve("failed"), "--log-format=json");

		assertThat(failed.exitCode()).isEqualTo(1);
		JsonNode metrics = null;
		for (String line : failed.output().lines().toList()) {
			JsonNode node = JSON.readTree(line);
			if (node.has("_aws") && "update-repayments".equals(node.path("job").asText())) {
				metrics = node;
			}
		}
		assertThat(metrics).as(failed.output()).isNotNull();
		assertValidEmf(metrics);
		assertThat(metrics.path("status").asText()).isEqualTo("FAILED");
		assertThat(metrics.path("Failed").asInt()).isEqualTo(1);
		assertThat(metrics.has("Duration")).isTrue();
	}

	@Test
	void theRunbooksQueriesFindWhatTheyPromise() throws IOException {
		List<String> filters = runbookFilters();
		assertThat(filters).hasSize(4);

		// what failed on 24 Nov: the warnings of that day, the PAN incident among them
		List<JsonNode> failed = matching(filters.get(0));
		assertThat(failed).isNotEmpty()
			.allSatisfy(line -> assertThat(line.path("level").asText()).isIn("WARN", "ERROR"))
			.anySatisfy(line -> assertThat(line.path("message").asText()).contains("card numbers"));

		// the slowest partition: every partition of every partitioned job has its steps
		Set<String> partitions = new HashSet<>();
		matching(filters.get(1))
			.forEach(line -> partitions.add(line.path("job").asText() + " " + line.path("partition").asText()));
		assertThat(partitions).contains("update-statements 0/2", "update-statements 1/2", "accrue-interest 1/2",
				"close-statements 0/2");

		// rejects per reason on 24 Nov: the manifest's counts
		Map<String, Long> reasons = new HashMap<>();
		matching(filters.get(2))
			.forEach(line -> reasons.merge(line.path("reason").asText(), line.path("count").asLong(), Math::max));
		assertThat(reasons).containsEntry("PAN_DETECTED", 1L).containsEntry("MALFORMED", 1L).hasSize(9);

		// how far one partition got
		assertThat(matching(filters.get(3))).isNotEmpty()
			.allSatisfy(line -> assertThat(line.path("partition").asText()).isEqualTo("1/2"))
			.anySatisfy(line -> assertThat(line.path("event").asText()).isEqualTo("step_finished"));
	}

	/** The {@code filter} of each Logs Insights query of the runbook. */
	static List<String> runbookFilters() throws IOException {
		String runbook = Files.readString(Path.of("../step-functions/README.md"));
		Matcher blocks = Pattern.compile("```logs-insights\\n(.*?)```", Pattern.DOTALL).matcher(runbook);
		List<String> filters = new ArrayList<>();
		while (blocks.find()) {
			blocks.group(1)
				.lines()
				.filter(line -> line.startsWith("| filter "))
				.forEach(line -> filters.add(line.substring("| filter ".length())));
		}
		return filters;
	}

	private List<JsonNode> matching(String filter) {
		return this.lines.stream().filter(line -> matches(filter, line)).toList();
	}

	/**
	 * The part of Logs Insights' filter language the runbook uses: terms joined by
	 * {@code and}, each {@code field = "text"}, {@code field in ["a", "b"]} or
	 * {@code ispresent(field)}.
	 */
	static boolean matches(String filter, JsonNode line) {
		for (String term : filter.split(" and ")) {
			term = term.trim();
			Matcher equals = Pattern.compile("(\\w+) = \"([^\"]*)\"").matcher(term);
			Matcher in = Pattern.compile("(\\w+) in \\[(.*)\\]").matcher(term);
			Matcher present = Pattern.compile("ispresent\\((\\w+)\\)").matcher(term);
			if (equals.matches()) {
				if (!line.path(equals.group(1)).asText().equals(equals.group(2))) {
					return false;
				}
			}
			else if (in.matches()) {
				List<String> values = Pattern.compile("\"([^\"]*)\"")
					.matcher(in.group(2))
					.results()
					.map(m -> m.group(1))
					.toList();
				if (!values.contains(line.path(in.group(1)).asText())) {
					return false;
				}
			}
			else if (present.matches()) {
				if (!line.has(present.group(1))) {
					return false;
				}
			}
			else {
				throw new AssertionError("a filter term this test cannot read: " + term);
			}
		}
		return true;
	}

	/**
	 * The CloudWatch Embedded Metric Format specification: {@code _aws} with a
	 * millisecond {@code Timestamp} and {@code CloudWatchMetrics}, each directive with a
	 * namespace, dimension sets of at most 30 names each naming a string member of the
	 * root, and at most 100 metric definitions, each naming a number member of the root
	 * with a CloudWatch unit; and no dimension of high cardinality.
	 */
	static void assertValidEmf(JsonNode line) {
		Set<String> units = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes",
				"Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent", "Count",
				"Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
				"Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second",
				"Count/Second", "None");
		JsonNode aws = line.path("_aws");
		assertThat(aws.path("Timestamp").isIntegralNumber()).as(line.toString()).isTrue();
		assertThat(aws.path("Timestamp").asLong()).isGreaterThan(1_700_000_000_000L);
		assertThat(aws.path("CloudWatchMetrics").isArray()).isTrue();
		assertThat(aws.path("CloudWatchMetrics")).isNotEmpty();
		for (JsonNode directive : aws.path("CloudWatchMetrics")) {
			assertThat(directive.path("Namespace").asText()).matches("[A-Za-z0-9.\\-_/#:]{1,255}");
			for (JsonNode set : directive.path("Dimensions")) {
				assertThat(set.size()).isBetween(1, 30);
				for (JsonNode name : set) {
					assertThat(line.path(name.asText()).isTextual()).as(name + " in " + line).isTrue();
					assertThat(name.asText()).isIn("job", "status");
				}
			}
			assertThat(directive.path("Metrics").size()).isBetween(1, 100);
			for (JsonNode metric : directive.path("Metrics")) {
				String name = metric.path("Name").asText();
				assertThat(name).isNotEmpty().hasSizeLessThanOrEqualTo(1024);
				assertThat(line.path(name).isNumber()).as(name + " in " + line).isTrue();
				assertThat(metric.path("Unit").asText()).isIn(units);
			}
		}
	}

}
