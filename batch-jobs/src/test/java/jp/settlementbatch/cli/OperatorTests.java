package jp.settlementbatch.cli;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OperatorTests {

	@Test
	void theTaskArnComesFromTheTaskMetadataWhateverItsLayout() throws IOException {
		// given a task metadata v4 response as ECS serves it (abridged), spread over
		// lines
		String metadata = """
				{
				  "Cluster": "arn:aws:ecs:ap-northeast-1:111122223333:cluster/settlement",
				  "TaskARN" :
				    "arn:aws:ecs:ap-northeast-1:111122223333:task/settlement/0a1b2c3d4e5f",
				  "Containers": [{"Name": "batch", "DockerId": "x", "TaskARN": "not this one"}]
				}
				""";

		// then the task's own ARN is read, not a container's
		assertThat(Operator.taskArn(metadata))
			.contains("arn:aws:ecs:ap-northeast-1:111122223333:task/settlement/0a1b2c3d4e5f");
	}

	@Test
	void noArnWhenTheMetadataNamesNone() throws IOException {
		assertThat(Operator.taskArn("{\"Cluster\": \"c\"}")).isEmpty();
		assertThat(Operator.taskArn("{\"TaskARN\": \"\"}")).isEmpty();
	}

}
