package jp.settlementbatch.cli;

import java.io.UncheckedIOException;
import java.util.ServiceLoader;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import jp.settlementbatch.support.batch.ExitCode;
import jp.settlementbatch.support.csv.PanGuard;
import jp.settlementbatch.support.files.InputChangedException;
import jp.settlementbatch.support.files.InputMissingException;
import jp.settlementbatch.support.files.StoreAccessDeniedException;
import jp.settlementbatch.support.files.StoreUnavailableException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import software.amazon.awssdk.core.exception.SdkException;

/** {@code settlement-batch}: the root command. */
@Command(name = "settlement-batch", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
		version = "settlement-batch 0.1.0", description = "Daily settlement batch for a card issuer.",
		subcommands = { RunCommand.class, FilesCommand.class, ExecutionsCommand.class, RestartCommand.class,
				AbandonCommand.class, RetakeCommand.class, DemoCommand.class, DailyCommand.class, MigrateCommand.class,
				ConsoleCommand.class },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:completed, or already completed (no-op)", "1:failed: run the same command again to resume",
				"2:usage or configuration error", "3:input rejected as a whole: an operator must act",
				"4:a required input is not there (yet): retry later",
				"5:the same job instance is already running elsewhere" })
public class SettlementBatchCommand {

	private SettlementBatchCommand() {
	}

	/** Runs the command line and returns the process exit code. */
	public static int execute(String... args) {
		// Until Spring Boot configures logging, keep library start-up chatter off the
		// terminal.
		((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
		try {
			CommandLine commandLine = new CommandLine(new SettlementBatchCommand());
			// bench and generate, when the jar has the lab
			for (DeveloperCommand command : ServiceLoader.load(DeveloperCommand.class)) {
				commandLine.addSubcommand(command);
			}
			commandLine.setExitCodeExceptionMapper(SettlementBatchCommand::exitCodeOf);
			commandLine.setExecutionExceptionHandler((ex, cl, parseResult) -> {
				int code = exitCodeOf(ex);
				if (cl.getMixins().get("common") instanceof CommonOptions common && common.json()
						&& !Platform.reported(ex)) {
					// for CloudWatch, one event at the level of what happened
					cl.getOut().println(failureEvent(code, message(ex)));
				}
				else {
					cl.getErr().println(message(ex));
				}
				return code;
			});
			commandLine.setParameterExceptionHandler((ex, args1) -> {
				ex.getCommandLine().getErr().println(ex.getMessage());
				ex.getCommandLine()
					.getErr()
					.println("Try: settlement-batch " + (ex.getCommandLine().getCommandName().equals("settlement-batch")
							? "" : ex.getCommandLine().getCommandName() + " ") + "--help");
				return ExitCode.USAGE.code();
			});
			return commandLine.execute(args);
		}
		finally {
			GracefulStop.commandDone();
		}
	}

	/**
	 * A failure before the application started (or without it), as one JSON event: a
	 * missing input is a WARN, anything else an ERROR.
	 */
	static String failureEvent(int exitCode, String message) {
		java.util.Map<String, Object> event = new java.util.LinkedHashMap<>();
		event.put("@timestamp", java.time.Instant.now().toString());
		event.put("message", message);
		event.put("logger_name", SettlementBatchCommand.class.getName());
		event.put("level", exitCode == ExitCode.INPUT_MISSING.code() ? "WARN" : "ERROR");
		event.put("event", switch (exitCode) {
			case 2 -> "configuration_error";
			case 3 -> "file_rejected";
			case 4 -> "input_missing";
			default -> "command_failed";
		});
		event.put("exit_code", exitCode);
		java.util.Map<String, String> context = org.slf4j.MDC.getCopyOfContextMap();
		if (context != null) {
			context.forEach(event::putIfAbsent);
		}
		try {
			return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(event);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static int exitCodeOf(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (refusedLogin(t) != null) {
				return ExitCode.USAGE.code();
			}
			if (t instanceof InputMissingException) {
				return ExitCode.INPUT_MISSING.code();
			}
			if (t instanceof InputChangedException) {
				return ExitCode.INPUT_REJECTED.code();
			}
			if (t instanceof IllegalArgumentException || missingConfiguration(t) != null) {
				return ExitCode.USAGE.code();
			}
			if (t instanceof CannotGetJdbcConnectionException || t instanceof SdkException
					|| t instanceof UncheckedIOException) {
				return ExitCode.FAILED.code();
			}
		}
		return ExitCode.FAILED.code();
	}

	/**
	 * What to fix when PostgreSQL turned the login away (SQLSTATE class 28: a wrong user
	 * or password; 3D000: no such database): configuration, not an outage.
	 */
	private static String refusedLogin(Throwable t) {
		if (!(t instanceof java.sql.SQLException sql) || sql.getSQLState() == null) {
			return null;
		}
		if (sql.getSQLState().startsWith("28")) {
			return "PostgreSQL refused the login (" + sql.getMessage() + "). Check SPRING_DATASOURCE_USERNAME and "
					+ "SPRING_DATASOURCE_PASSWORD (in ECS, the secret the task definition names), then run the same command again.";
		}
		if ("3D000".equals(sql.getSQLState())) {
			return "The database does not exist (" + sql.getMessage() + "). Check the database name in "
					+ "SPRING_DATASOURCE_URL / --db-url.";
		}
		return null;
	}

	/**
	 * What is missing from the configuration, when the failure says so: a database
	 * password, an AWS region or credentials. Not an outage: a retry cannot help.
	 */
	private static String missingConfiguration(Throwable t) {
		String message = String.valueOf(t.getMessage());
		if (t instanceof java.sql.SQLException && message.contains("no password was provided")) {
			return "PostgreSQL asked for a password and none was given. Set SPRING_DATASOURCE_PASSWORD (in ECS, the"
					+ " secret the task definition names), then run the same command again.";
		}
		if (t instanceof software.amazon.awssdk.core.exception.SdkClientException
				&& message.contains("Unable to load region")) {
			return "No AWS region is set. Set AWS_REGION (ECS sets it for a task), then run the same command again.";
		}
		if (t instanceof software.amazon.awssdk.core.exception.SdkClientException
				&& message.contains("Unable to load credentials")) {
			return "No AWS credentials were found (" + message.lines().findFirst().orElse("")
					+ "). In ECS give the task a role; locally set AWS_PROFILE or the AWS_ACCESS_KEY_ID pair, then run the"
					+ " same command again.";
		}
		return null;
	}

	static String message(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			String refused = refusedLogin(t);
			if (refused != null) {
				return PanGuard.mask(refused);
			}
			String missing = missingConfiguration(t);
			if (missing != null) {
				return PanGuard.mask(missing);
			}
			if (t instanceof java.sql.SQLException sql) {
				return PanGuard.mask("The database is not reachable or refused the connection (" + sql.getMessage()
						+ "). Check SPRING_DATASOURCE_URL / --db-url and that PostgreSQL is up, then run the same command again.");
			}
			if (t instanceof IllegalArgumentException || t instanceof InputMissingException
					|| t instanceof InputChangedException || t instanceof StoreAccessDeniedException
					|| t instanceof StoreUnavailableException) {
				return PanGuard.mask(t.getMessage());
			}
		}
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return PanGuard.mask(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
	}

}
