package jp.settlementbatch.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.settlementbatch.support.config.Settings;

/**
 * Who acts, for the audit records of operator commands (abandon, retake): on ECS the
 * task's ARN, from the task metadata endpoint; elsewhere the OS user on this host.
 */
final class Operator {

	private Operator() {
	}

	/**
	 * Who acts, for an audit record: the ECS task (an operator's one-off task,
	 * {@code ops}) or the OS user on this host.
	 */
	static String who() {
		return ecsTaskArn().orElseGet(() -> {
			String host;
			try {
				host = InetAddress.getLocalHost().getHostName();
			}
			catch (IOException ex) {
				host = "localhost";
			}
			return System.getProperty("user.name") + "@" + host;
		});
	}

	/**
	 * On ECS, the task ARN from the task metadata endpoint: the task execution's external
	 * id.
	 */
	static Optional<String> ecsTaskArn() {
		String endpoint = Settings.fromEnvironment().platform().ecs().containerMetadataUriV4();
		if (isBlank(endpoint)) {
			return Optional.empty();
		}
		try {
			HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
			HttpResponse<String> response = client.send(
					HttpRequest.newBuilder(URI.create(endpoint + "/task")).timeout(Duration.ofSeconds(2)).build(),
					HttpResponse.BodyHandlers.ofString());
			return taskArn(response.body());
		}
		catch (Exception ex) {
			return Optional.empty();
		}
	}

	/** The task ARN in a task metadata v4 response, if it names one. */
	static Optional<String> taskArn(String taskMetadata) throws IOException {
		String arn = new ObjectMapper().readTree(taskMetadata).path("TaskARN").asText("");
		return arn.isEmpty() ? Optional.empty() : Optional.of(arn);
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
