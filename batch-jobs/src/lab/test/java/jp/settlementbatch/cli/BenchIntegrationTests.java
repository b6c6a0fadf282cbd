package jp.settlementbatch.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.settlementbatch.support.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code settlement-batch bench} on a small synthetic day: the import, the floor and the
 * naive reference each take the whole cash-flow file, and the summary's ratios are those
 * of the run's own measurements.
 */
class BenchIntegrationTests {

	@TempDir
	Path work;

	@Test
	void measuresTheImportTheFloorAndTheNaiveReferenceOnTheSameFile() throws Exception {
		Cli.Result result = Cli.asGiven()
			.run("bench", "--accounts=300", "--cash-flows=20000", "--repayments=200", "--applications=40",
					"--watchlist=10", "--work=" + this.work);
		assertThat(result.exitCode()).as(result.output()).isZero();

		ObjectMapper json = new ObjectMapper();
		Map<String, JsonNode> jobs = new HashMap<>();
		Map<String, JsonNode> steps = new HashMap<>();
		Map<String, JsonNode> summaries = new HashMap<>();
		for (String line : result.output().split("\n")) {
			if (!line.startsWith("{")) {
				continue; // progress and log lines (text), the partition plan (an array)
			}
			JsonNode node = json.readTree(line);
			if (node.has("job")) {
				jobs.put(node.get("job").asText(), node);
			}
			else if (node.has("step")) {
				steps.put(node.get("step").asText(), node);
			}
			else if (node.has("summary")) {
				summaries.put(node.get("summary").asText(), node);
			}
		}

		assertThat(jobs).containsKeys("import-accounts", "floor-copy-unlogged", "import-cash-flows",
				"floor-copy-unlogged-after", "copy-logged", "import-repayments", "import-applications",
				"update-statements", "update-repayments", "accrue-interest", "close-statements", "notify-interest",
				"build-credit-review-list", "naive-reference");
		assertThat(jobs.get("import-accounts").get("rows").asLong()).isEqualTo(300);
		for (String cashFlows : new String[] { "floor-copy-unlogged", "import-cash-flows", "floor-copy-unlogged-after",
				"copy-logged", "naive-reference" }) {
			assertThat(jobs.get(cashFlows).get("rows").asLong()).as(cashFlows).isEqualTo(20_000);
		}
		assertThat(steps.get("import-cash-flows/load-cash-flows").get("read").asLong()).isEqualTo(20_000);

		JsonNode summary = summaries.get("import");
		assertThat(summary).isNotNull();
		assertThat(summary.get("cash_flows").asLong()).isEqualTo(20_000);
		double ours = seconds(jobs, "import-cash-flows");
		double floor = (seconds(jobs, "floor-copy-unlogged") + seconds(jobs, "floor-copy-unlogged-after")) / 2;
		double logged = seconds(jobs, "copy-logged");
		double naive = seconds(jobs, "naive-reference");
		assertRatio(summary, "import_over_floor", ours, floor);
		assertRatio(summary, "import_over_logged_copy", ours, logged);
		assertRatio(summary, "naive_over_import", naive, ours);
		assertRatio(summary, "naive_over_floor", naive, floor);
		assertRatio(summary, "naive_over_logged_copy", naive, logged);

		// each ledger job next to its floor: the same accounts, on the same data
		JsonNode ledger = summaries.get("ledger");
		assertThat(ledger).isNotNull();
		double jobsSeconds = 0;
		double floorsSeconds = 0;
		for (String job : new String[] { "update-statements", "update-repayments", "accrue-interest",
				"close-statements" }) {
			assertThat(jobs).containsKey("floor-" + job);
			assertRatio(ledger, job + "_over_floor", seconds(jobs, job), seconds(jobs, "floor-" + job));
			jobsSeconds += seconds(jobs, job);
			floorsSeconds += seconds(jobs, "floor-" + job);
		}
		for (String job : new String[] { "update-statements", "accrue-interest", "close-statements" }) {
			assertThat(jobs.get("floor-" + job).get("rows").asLong()).as(job)
				.isPositive()
				.isEqualTo(jobs.get(job).get("rows").asLong());
		}
		// four figures to the microsecond on each side
		double ratio = jobsSeconds / floorsSeconds;
		assertThat(ledger.get("ledger_over_floor").asDouble())
			.isCloseTo(ratio, within(ratio * (2e-6 / jobsSeconds + 2e-6 / floorsSeconds) + 0.005 + 1e-9));
	}

	private static double seconds(Map<String, JsonNode> jobs, String job) {
		return jobs.get(job).get("wall_seconds").asDouble();
	}

	/**
	 * The summary's ratio is {@code a / b}, up to rounding: the printed seconds are
	 * rounded to the microsecond, the ratio to 0.01. (Seconds rounded to 0.01 made this
	 * check meaningless for a job of 0.01 s.)
	 */
	private static void assertRatio(JsonNode summary, String name, double a, double b) {
		double ratio = a / b;
		double rounding = ratio * (0.5e-6 / a + 0.5e-6 / b) + 0.005;
		assertThat(summary.get(name).asDouble()).as(name).isCloseTo(ratio, within(rounding + 1e-9));
	}

}
