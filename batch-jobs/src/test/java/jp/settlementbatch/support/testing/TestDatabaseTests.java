package jp.settlementbatch.support.testing;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;
import org.testcontainers.DockerClientFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which PostgreSQL the tests use: the embedded one, or a container when asked. */
class TestDatabaseTests {

	@Test
	void theEmbeddedServerIsTheDefault() {
		assertThat(TestDatabase.server(null)).isInstanceOf(TestDatabase.Embedded.class);
		assertThat(TestDatabase.server("embedded")).isInstanceOf(TestDatabase.Embedded.class);
	}

	@Test
	void theOptInSelectsTheContainerAndWithoutDockerSkipsSayingWhy() {
		TestDatabase.Server server = TestDatabase.server("testcontainers");
		assertThat(server).isInstanceOf(TestDatabase.Container.class);
		if (DockerClientFactory.instance().isDockerAvailable()) {
			assertThat(server.createDatabase("optin")).startsWith("jdbc:postgresql://").contains("/optin?user=");
		}
		else {
			assertThatThrownBy(() -> server.createDatabase("optin")).isInstanceOf(TestAbortedException.class)
				.hasMessageContaining("no Docker engine answers")
				.hasMessageContaining("without -Ptestcontainers");
		}
	}

	@Test
	void anUnknownSettingIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> TestDatabase.server("h2"))
			.withMessageContaining("embedded or testcontainers");
	}

}
