package jp.settlementbatch.support.config;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsTests {

	@Test
	void theEnvironmentVariablesOfTheRunbookBindUnderTheirDocumentedNames() {
		Settings settings = Settings.of(environment(Map.of("SETTLEMENT_PARTITIONS", "4", "SETTLEMENT_RUN_ID",
				"daily-20261120", "SETTLEMENT_OUTBOX_KMS_KEY_ID", "alias/settlement-outbox", "AWS_REGION",
				"ap-northeast-1", "AWS_ENDPOINT_URL", "http://127.0.0.1:1", "AWS_ENDPOINT_URL_S3", "http://127.0.0.1:2",
				"ECS_CONTAINER_METADATA_URI_V4", "http://169.254.170.2/v4/abc"), Map.of()));

		assertThat(settings.settlement().partitions()).isEqualTo(4);
		assertThat(settings.settlement().runId()).isEqualTo("daily-20261120");
		assertThat(settings.settlement().outbox().kmsKeyId()).isEqualTo("alias/settlement-outbox");
		assertThat(settings.platform().aws().region()).isEqualTo("ap-northeast-1");
		assertThat(settings.platform().aws().s3Endpoint()).as("the S3 endpoint before the general one")
			.isEqualTo("http://127.0.0.1:2");
		assertThat(settings.platform().ecs().containerMetadataUriV4()).isEqualTo("http://169.254.170.2/v4/abc");
	}

	@Test
	void nothingSetGivesTheDefaultsFargateRunsWith() {
		Settings settings = Settings.of(environment(Map.of(), Map.of()));

		SettlementProperties settlement = settings.settlement();
		assertThat(settlement.partitions()).isEqualTo(8);
		assertThat(settlement.chunkSize()).isEqualTo(10_000);
		assertThat(settlement.intake().chunkSize()).isEqualTo(50_000);
		assertThat(settlement.ledger().holdMinimum()).isEqualTo(100);
		assertThat(settlement.pendingDays()).isEqualTo(5);
		assertThat(settlement.progress()).isEqualTo("log");
		assertThat(settlement.runId()).isNull();
		assertThat(settlement.outbox().kmsKeyId()).isNull();
		assertThat(settings.platform().aws().s3Endpoint()).as("the SDK's own endpoint").isNull();
	}

	@Test
	void theCommandLinesPropertiesBindAsTheEnvironmentDoes() {
		Settings settings = Settings.of(environment(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:1"),
				Map.of("settlement.chunk-size", 500, "settlement.intake.chunk-size", 500, "settlement.pending-days", 2,
						"settlement.progress", "terminal")));

		assertThat(settings.settlement().chunkSize()).isEqualTo(500);
		assertThat(settings.settlement().intake().chunkSize()).isEqualTo(500);
		assertThat(settings.settlement().pendingDays()).isEqualTo(2);
		assertThat(settings.settlement().progress()).isEqualTo("terminal");
		assertThat(settings.platform().aws().s3Endpoint()).isEqualTo("http://127.0.0.1:1");
	}

	private static StandardEnvironment environment(Map<String, Object> variables, Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
					new MapPropertySource(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, Map.of()));
		environment.getPropertySources().addFirst(new MapPropertySource("command", properties));
		return environment;
	}

}
