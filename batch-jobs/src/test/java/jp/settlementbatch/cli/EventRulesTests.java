package jp.settlementbatch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import software.amazon.event.ruler.Machine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The EventBridge rules of {@code step-functions/template.yaml}, matched by event-ruler
 * (the engine behind EventBridge rules) against events shaped as the services send them.
 */
class EventRulesTests {

	static final String BUCKET = "batch-bucket";

	static final String DAILY_ARN = "arn:aws:states:ap-northeast-1:123456789012:stateMachine:settlement-batch-daily";

	final ObjectMapper json = new ObjectMapper();

	@ParameterizedTest
	@ValueSource(strings = { "inbox/cashflow_20261120.csv", "inbox/cashflow_20261231.csv" })
	void theFinalNameOfTheCashFlowFileStartsTheDay(String key) throws Exception {
		assertThat(fileArrival().rulesForJSONEvent(objectCreated(BUCKET, key))).containsExactly("file");
	}

	@ParameterizedTest
	@ValueSource(strings = { "inbox/cashflow_20261120.csv.tmp", "inbox/cashflow_20261120.csv.part",
			"inbox/cashflow_20261120.part", "inbox/repayment_20261120.csv", "inbox/accounts_20261120.csv",
			"outbox/rejects/cashflow_20261120.csv.rejects.csv", "archive/inbox/cashflow_20261120.csv",
			"inbox/old/cashflow_20261120.csv.gz" })
	void uploadsInProgressOtherFilesAndOtherPrefixesDoNot(String key) throws Exception {
		assertThat(fileArrival().rulesForJSONEvent(objectCreated(BUCKET, key))).isEmpty();
	}

	@Test
	void anotherBucketDoesNot() throws Exception {
		assertThat(fileArrival().rulesForJSONEvent(objectCreated("other-bucket", "inbox/cashflow_20261120.csv")))
			.isEmpty();
	}

	@Test
	void stoppedExecutionsWithoutAJobAlertAlert() throws Exception {
		Machine rule = executionStopped();
		assertThat(rule.rulesForJSONEvent(statusChange(DAILY_ARN, "TIMED_OUT", null))).containsExactly("stopped");
		assertThat(rule.rulesForJSONEvent(statusChange(DAILY_ARN, "ABORTED", null))).containsExactly("stopped");
		assertThat(rule.rulesForJSONEvent(statusChange(DAILY_ARN, "FAILED", "NoBusinessDate")))
			.containsExactly("stopped");
		assertThat(rule.rulesForJSONEvent(statusChange(DAILY_ARN, "FAILED", "States.ItemReaderFailed")))
			.containsExactly("stopped");
		assertThat(rule.rulesForJSONEvent(statusChange(DAILY_ARN, "FAILED", "States.Runtime")))
			.containsExactly("stopped");
	}

	@Test
	void aJobThatStoppedAfterItsOwnAlertDoesNotAlertTwice() throws Exception {
		Machine rule = executionStopped();
		assertThat(rule.rulesForJSONEvent(statusChange(DAILY_ARN, "FAILED", "States.NoChoiceMatched"))).isEmpty();
		assertThat(rule.rulesForJSONEvent(statusChange(DAILY_ARN, "FAILED", "States.ExceedToleratedFailureThreshold")))
			.isEmpty();
		assertThat(rule.rulesForJSONEvent(statusChange(DAILY_ARN, "SUCCEEDED", null))).isEmpty();
		assertThat(rule.rulesForJSONEvent(statusChange(DAILY_ARN, "RUNNING", null))).isEmpty();
		assertThat(rule.rulesForJSONEvent(
				statusChange("arn:aws:states:ap-northeast-1:123456789012:stateMachine:other", "FAILED", "X")))
			.isEmpty();
	}

	private Machine fileArrival() throws Exception {
		Map<String, Object> event = resource("StartDailyStateMachine", "Properties", "Events", "CashFlowFileArrived",
				"Properties", "Pattern");
		return machine("file", event);
	}

	private Machine executionStopped() throws Exception {
		return machine("stopped", resource("ExecutionStoppedUnalerted", "Properties", "EventPattern"));
	}

	private Machine machine(String name, Map<String, Object> pattern) throws Exception {
		Machine machine = new Machine();
		machine.addRule(name, this.json.writeValueAsString(pattern));
		return machine;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> resource(String... path) throws IOException {
		Object node = ((Map<String, Object>) template().get("Resources"));
		for (String key : path) {
			node = ((Map<String, Object>) node).get(key);
			assertThat(node).as(String.join(".", path)).isNotNull();
		}
		return (Map<String, Object>) node;
	}

	/**
	 * The template with the values the stack would give: {@code !Ref} and {@code !Sub} of
	 * the bucket, the prefix and the state machines resolved.
	 */
	private static Map<String, Object> template() throws IOException {
		Map<String, String> values = Map.of("BatchBucket", BUCKET, "InboxPrefix", "inbox/", "DailyStateMachine",
				DAILY_ARN, "StartDailyStateMachine",
				"arn:aws:states:ap-northeast-1:123456789012:stateMachine:settlement-batch-start-daily");
		SafeConstructor constructor = new SafeConstructor(new LoaderOptions()) {
			{
				this.yamlConstructors.put(new Tag("!Ref"), new Resolved(values, false));
				this.yamlConstructors.put(new Tag("!Sub"), new Resolved(values, true));
				for (String other : List.of("!GetAtt", "!If", "!Not", "!Equals")) {
					this.yamlConstructors.put(new Tag(other), new AbstractConstruct() {
						@Override
						public Object construct(Node node) {
							return other;
						}
					});
				}
			}
		};
		return new Yaml(constructor)
			.load(Files.readString(WorkflowDefinitionsTests.ROOT.resolve("step-functions/template.yaml")));
	}

	private String objectCreated(String bucket, String key) throws Exception {
		return this.json
			.writeValueAsString(Map.of("version", "0", "id", "17793124-05d4-b198-2fde-7ededc63b103", "detail-type",
					"Object Created", "source", "aws.s3", "account", "123456789012", "time", "2026-11-20T20:00:00Z",
					"region", "ap-northeast-1", "resources", List.of("arn:aws:s3:::" + bucket), "detail",
					Map.of("version", "0", "bucket", Map.of("name", bucket), "object",
							Map.of("key", key, "size", 5, "etag", "b1946ac92492d2347c6235b4d2611184", "sequencer",
									"00617F08299329D189"),
							"request-id", "N4N7GDK58NMKJ12R", "requester", "123456789012", "reason", "PutObject")));
	}

	private String statusChange(String machine, String status, String error) throws Exception {
		Map<String, Object> detail = new java.util.HashMap<>(Map.of("executionArn",
				machine.replace(":stateMachine:", ":execution:") + ":daily-20261120", "stateMachineArn", machine,
				"name", "daily-20261120", "status", status, "startDate", 1795291800000L, "input", "{}"));
		if (error != null) {
			detail.put("error", error);
			detail.put("cause", "why");
		}
		return this.json.writeValueAsString(Map.of("version", "0", "id", "315c1398-40ff-a850-213b-158f73e60175",
				"detail-type", "Step Functions Execution Status Change", "source", "aws.states", "account",
				"123456789012", "time", "2026-11-20T21:00:00Z", "region", "ap-northeast-1", "resources",
				List.of(detail.get("executionArn")), "detail", detail));
	}

	/** {@code !Ref Name} and {@code !Sub '...${Name}...'} with the stack's values. */
	private static final class Resolved extends AbstractConstruct {

		private final Map<String, String> values;

		private final boolean sub;

		Resolved(Map<String, String> values, boolean sub) {
			this.values = values;
			this.sub = sub;
		}

		@Override
		public Object construct(Node node) {
			String text = ((ScalarNode) node).getValue();
			if (!this.sub) {
				return this.values.getOrDefault(text, text);
			}
			for (Map.Entry<String, String> value : this.values.entrySet()) {
				text = text.replace("${" + value.getKey() + "}", value.getValue());
			}
			return text;
		}

	}

}
