package jp.settlementbatch.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the JSON log of a process stopped by SIGTERM must hold: the stop itself, and the
 * events of the job it stopped (the logging system outlives the signal).
 */
public final class StopEvents {

	private StopEvents() {
	}

	/**
	 * @param output the process's output, logged with {@code --log-format=json}
	 * @param summary whether the command ends with a {@code run_summary} event
	 * ({@code run}, {@code restart})
	 */
	public static void assertLogged(String output, boolean summary) {
		assertThat(output).contains("\"event\":\"stop_requested\"");
		assertThat(output.lines())
			.anySatisfy(line -> assertThat(line).contains("\"event\":\"job_finished\"", "\"status\":\"STOPPED\""));
		if (summary) {
			assertThat(output.lines())
				.anySatisfy(line -> assertThat(line).contains("\"event\":\"run_summary\"", "\"status\":\"STOPPED\""));
		}
	}

}
