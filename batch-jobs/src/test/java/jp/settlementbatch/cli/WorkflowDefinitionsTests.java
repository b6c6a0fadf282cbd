package jp.settlementbatch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.settlementbatch.day.DailyWorkflow;
import jp.settlementbatch.day.Dates;
import jp.settlementbatch.support.intake.InboundFile;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployable workflow and the local one must not drift apart: the jobs the state
 * machine runs, in the order it runs them, are the CLI's jobs in the order {@code daily}
 * runs them, and each has an ECS task definition and task-role policy.
 */
class WorkflowDefinitionsTests {

	static final Path ROOT = Path.of("..");

	final ObjectMapper json = new ObjectMapper();

	@Test
	void theStateMachineRunsTheDailyJobsInTheLocalOrder() throws IOException {
		JsonNode machine = this.json.readTree(ROOT.resolve("step-functions/daily-settlement.asl.json").toFile());

		List<String> jobs = new ArrayList<>();
		walk(machine.get("States"), machine.get("StartAt").asText(), jobs);

		// then the file manifest of the day
		List<String> expected = new ArrayList<>(Jobs.DAILY_ORDER);
		expected.add("files");
		assertThat(jobs).containsExactlyElementsOf(expected);
	}

	@Test
	void theFileCheckHasATaskDefinitionThatListsTheInboxAndReadsNoFile() throws IOException {
		JsonNode container = this.json.readTree(ROOT.resolve("job-definitions/files.taskdef.json").toFile())
			.get("containerDefinitions")
			.get(0);
		assertThat(container.get("command").toString()).isEqualTo("[\"files\"]");
		String policy = Files.readString(ROOT.resolve("job-definitions/files.task-role-policy.json"));
		// the engine-based policy tests (job-definitions/test) prove it; here: no object
		// of the inbox is named
		assertThat(policy).contains("s3:ListBucket", "\"inbox/*\"").doesNotContain(":::${BatchBucket}/inbox");
	}

	@Test
	void everyJobHasATaskDefinitionThatRunsItSafely() throws IOException {
		for (String job : Jobs.DAILY_ORDER) {
			Path taskdef = ROOT.resolve("job-definitions/" + job + ".taskdef.json");
			assertThat(taskdef).as(job).exists();
			assertThat(ROOT.resolve("job-definitions/" + job + ".task-role-policy.json")).as(job).exists();
			JsonNode container = this.json.readTree(taskdef.toFile()).get("containerDefinitions").get(0);
			assertThat(container.get("command").get(1).asText()).isEqualTo(job);
			assertThat(container.get("readonlyRootFilesystem").asBoolean()).as(job).isTrue();
			assertThat(container.get("user").asText()).as(job).isEqualTo("10001:10001");
			assertThat(container.get("stopTimeout").asInt()).as(job).isEqualTo(120);
			assertThat(container.get("logConfiguration").get("logDriver").asText()).isEqualTo("awslogs");
			assertThat(container.get("secrets").get(0).get("name").asText()).isEqualTo("SPRING_DATASOURCE_PASSWORD");
			assertThat(Files.readString(taskdef)).as(job + " holds no secret value")
				.doesNotContain("PASSWORD\", \"value");
		}
	}

	@Test
	void theScheduleAndTheLocalDaysFollowOneRunDateRule() throws IOException {
		// the rule the CLI runs --through by (jobs.json in the jar), and build.mjs
		// derives the schedule from
		String rule = this.json.readTree(ROOT.resolve("step-functions/jobs.json").toFile())
			.get("runDates")
			.get("rule")
			.asText();

		assertThat(rule).isEqualTo("every-calendar-date");
		assertThat(DailyWorkflow.defined().runDates()).isEqualTo(Dates.EVERY_CALENDAR_DATE);
		assertThat(Files.readString(ROOT.resolve("step-functions/template.yaml")))
			.contains("ScheduleCron: { Type: String, Default: 'cron(30 5 * * ? *)'");
	}

	@Test
	void theJarCarriesTheJobsJsonOfTheRepository() throws IOException {
		try (var in = DailyWorkflow.class.getResourceAsStream("jobs.json")) {
			assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
				.isEqualTo(Files.readString(ROOT.resolve("step-functions/jobs.json")));
		}
	}

	@Test
	void eachSenderSaysWhenItSends() {
		DailyWorkflow workflow = DailyWorkflow.defined();
		assertThat(workflow.expected(InboundFile.CASH_FLOWS)).isEqualTo(Dates.EVERY_CALENDAR_DATE);
		assertThat(workflow.expected(InboundFile.REPAYMENTS)).isEqualTo(Dates.BUSINESS_DAYS);
		assertThat(workflow.expected(InboundFile.APPLICATIONS)).isEqualTo(Dates.BUSINESS_DAYS);
		assertThat(workflow.expected(InboundFile.ACCOUNTS)).isEqualTo(Dates.WHEN_CHANGED);
		assertThat(workflow.expected(InboundFile.WATCHLIST)).isEqualTo(Dates.WHEN_CHANGED);
		assertThat(workflow.expected(InboundFile.CALENDAR)).isEqualTo(Dates.WHEN_CHANGED);
	}

	@Test
	void onlyTheCashFlowFileIsRequired() throws IOException {
		JsonNode imports = this.json.readTree(ROOT.resolve("step-functions/jobs.json").toFile()).get("imports");
		List<String> required = new ArrayList<>();
		imports.forEach(i -> {
			if (i.get("required").asBoolean()) {
				required.add(i.get("job").asText());
			}
		});
		assertThat(required).containsExactly("import-cash-flows");
	}

	/**
	 * Follows the success path: a Choice's default (or first branch), a Task's or Pass's
	 * Next, into a Map's processor and each branch of a Parallel state, in order.
	 */
	private static void walk(JsonNode states, String name, List<String> jobs) {
		while (name != null) {
			JsonNode state = states.get(name);
			String type = state.get("Type").asText();
			if ("Task".equals(type) && name.startsWith("Run ")) {
				jobs.add(name.substring("Run ".length()));
			}
			if ("Map".equals(type)) {
				JsonNode processor = state.get("ItemProcessor");
				walk(processor.get("States"), processor.get("StartAt").asText(), jobs);
			}
			if ("Parallel".equals(type)) {
				for (JsonNode branch : state.get("Branches")) {
					walk(branch.get("States"), branch.get("StartAt").asText(), jobs);
				}
			}
			if ("Choice".equals(type)) {
				name = state.has("Default") ? state.get("Default").asText()
						: state.get("Choices").get(0).get("Next").asText();
			}
			else {
				name = state.has("Next") ? state.get("Next").asText() : null;
			}
		}
	}

}
