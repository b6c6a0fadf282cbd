package jp.settlementbatch.day;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The day page from a report's JSON: the verdict and the command that goes on, every
 * value escaped and card numbers masked, and a policy that admits its own style only.
 */
class DayPageTests {

	static final Trend NO_TREND = new Trend(List.of(LocalDate.of(2026, 11, 20)), List.of(), Map.of());

	@Test
	void aDayStoppedByAFailedJobSaysSoAndGivesTheCommandThatGoesOn() {
		JsonNode report = json("""
				{"business_date": "2026-11-20",
				 "jobs": [{"job": "import-cash-flows", "status": "COMPLETED", "exit_code": 0, "message": "completed."},
				          {"job": "update-statements 1/2", "status": "FAILED", "exit_code": 1,
				           "message": "relation <b>x</b> does not exist", "job_execution_id": 42}],
				 "manifest": {"attention": [], "actions": [], "control_totals": {"balanced": true}}}""");

		String page = DayPage.render(report, NO_TREND);

		assertThat(page).contains("<strong>Stopped</strong>: update-statements 1/2 is FAILED")
			.contains("<pre><code>settlement-batch daily --business-date=2026-11-20</code></pre>")
			.contains("relation &lt;b&gt;x&lt;/b&gt; does not exist")
			.doesNotContain("<b>x</b>");
	}

	@Test
	void aDayWithAttentionNeedsAnOperatorAndEachLineHasItsCommand() {
		JsonNode report = json(
				"""
						{"business_date": "2026-11-24",
						 "jobs": [{"job": "import-cash-flows", "status": "COMPLETED"}, {"job": "import-accounts", "status": "SKIPPED"}],
						 "manifest": {"attention": ["Incident: card numbers in cashflow_20261124.csv, line 2502."],
						              "actions": [{"attention": "Incident: card numbers in cashflow_20261124.csv, line 2502.",
						                           "command": "psql -c \\"SELECT 'x'\\""}],
						              "control_totals": {"balanced": true}}}""");

		String page = DayPage.render(report, NO_TREND);

		assertThat(page).contains("<strong>Needs attention</strong>: 1 jobs ran; 1 thing needs an operator.")
			.contains("<pre><code>psql -c &quot;SELECT &#39;x&#39;&quot;</code></pre>");
	}

	@Test
	void aQuietDayIsComplete() {
		JsonNode report = json("""
				{"business_date": "2026-11-21", "jobs": [{"job": "import-cash-flows", "status": "COMPLETED"}],
				 "manifest": {"attention": [], "control_totals": {"balanced": true}}}""");

		assertThat(DayPage.render(report, NO_TREND)).contains("<strong>Complete</strong>")
			.contains("<title>Settlement day 2026-11-21: Complete</title>");
	}

	@Test
	void aCardNumberInAnyValueIsMaskedAndMarkupIsText() {
		String shown = Html.escape("merchant 4111111111111111 \"><img src=x onerror=alert(1)>");

		assertThat(shown).doesNotContain("4111111111111111", "<img", "\"")
			.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
	}

	@Test
	void theRenderedStyleIsTheOneThePolicyAdmits() throws Exception {
		String page = DayPage.render(json("""
				{"business_date": "2026-11-21", "jobs": [], "manifest": {}}"""), NO_TREND);
		String style = page.substring(page.indexOf("<style>") + 7, page.indexOf("</style>"));
		String hash = Base64.getEncoder()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(style.getBytes(StandardCharsets.UTF_8)));

		assertThat(page).contains("style-src 'sha256-" + hash + "'").contains("script-src 'none'");
		assertThat(page).doesNotContain("<script", " style=\"");
	}

	@Test
	void amountsReadAsYen() {
		assertThat(Html.yen(json("-1234"))).isEqualTo("−¥1,234");
		assertThat(Html.yen(json("49259.310"))).isEqualTo("¥49,259.31");
		assertThat(Html.yen(json("43153179"))).isEqualTo("¥43,153,179");
	}

	private static JsonNode json(String text) {
		try {
			return new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(text);
		}
		catch (Exception ex) {
			throw new IllegalArgumentException(ex);
		}
	}

}
