package jp.settlementbatch.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import jp.settlementbatch.SettlementBatchApplication;
import jp.settlementbatch.support.db.EmbeddedDatabase;
import jp.settlementbatch.support.progress.LogContext;
import jp.settlementbatch.support.progress.RunProgress;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeEvent;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The running application behind a command: the database (external by URL, or the
 * embedded one), the Spring context, and Spring Cloud Task's record of the invocation.
 *
 * <p>
 * Each command starts its own Spring application, after picocli has parsed and checked
 * its arguments, rather than one context for every command as picocli's Spring Boot
 * starter would build before parsing: {@code --help}, a usage error (exit 2) or a missing
 * input (exit 4) then answer without starting Spring or touching a database, the embedded
 * PostgreSQL starts only for commands that need it and before the context that uses it,
 * and only commands that change something are recorded as Spring Cloud Task executions
 * (their own context properties).
 */
final class Platform implements AutoCloseable {

	private final EmbeddedDatabase embedded;

	private final ConfigurableApplicationContext context;

	private boolean exited;

	/**
	 * Whether the command's work began (a failure then is the run's, not the start's).
	 */
	private volatile boolean working;

	private Platform(EmbeddedDatabase embedded, ConfigurableApplicationContext context) {
		this.embedded = embedded;
		this.context = context;
	}

	/** The work of a command, done inside the application; returns the exit code. */
	@FunctionalInterface
	interface Work {

		int run(Platform platform) throws Exception;

	}

	/**
	 * Starts the application, does the command's work in it and stops it. The work runs
	 * as an {@code ApplicationRunner} and announces its exit code before the application
	 * is ready, because that is when Spring Cloud Task records the end of the invocation.
	 * @param taskName the name Spring Cloud Task records the invocation under, or null
	 * for commands that only read (they are not recorded)
	 * @param recordedArguments the command's arguments as recorded with the task (no
	 * secrets)
	 */
	static int run(CommonOptions options, String taskName, String[] recordedArguments,
			Map<String, Object> extraProperties, Work work) {
		int[] exitCode = { 1 };
		Platform[] holder = { null };
		ApplicationRunner runner = arguments -> {
			holder[0].working = true;
			int code = work.run(holder[0]);
			// stopped by SIGTERM: the code the process ends with (128 + 15)
			exitCode[0] = (code != 0 && holder[0].bean(RunProgress.class).stopRequested()) ? Summary.SIGTERM : code;
			holder[0].context.publishEvent(new ExitCodeEvent(holder[0].context, exitCode[0]));
		};
		start(options, taskName, recordedArguments, extraProperties, runner, holder);
		try (Platform platform = holder[0]) {
			return platform.exit(exitCode[0]);
		}
	}

	private static void start(CommonOptions options, String taskName, String[] recordedArguments,
			Map<String, Object> extraProperties, ApplicationRunner runner, Platform[] holder) {
		requireWritableTemporaryDirectory();
		Map<String, Object> defaults = new HashMap<>();
		defaults.put("settlement.progress", options.json() ? "log" : "terminal");
		if (options.json()) {
			defaults.put("logging.structured.format.console", "logstash");
			defaults.put("logging.level.jp.settlementbatch", "INFO");
		}
		else {
			// A person at a terminal gets progress lines and the summary; warnings and
			// errors still show.
			defaults.put("logging.level.jp.settlementbatch", "WARN");
			defaults.put("spring.main.log-startup-info", "false");
		}
		// A failed start is reported once, by the command (in JSON: one startup_failed
		// event, the trace in a field). A failed step is reported once, by the summary
		// of the run, not by the framework's stack traces before it.
		defaults.put("logging.level.org.springframework.boot.SpringApplication", "OFF");
		defaults.put("logging.level.org.springframework.batch.core.step.AbstractStep", "OFF");
		defaults.put("logging.level.org.springframework.batch.core.job.AbstractJob", "OFF");
		defaults.put("logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext", "OFF");
		// A lost database is told once, in our words: the pool's and the driver's
		// warnings, the framework's rollback and the task's own record of it would come
		// before them (the cause's trace is in the failure event).
		defaults.put("logging.level.com.zaxxer.hikari", "OFF");
		defaults.put("logging.level.org.postgresql", "OFF");
		defaults.put("logging.level.org.springframework.batch.core.step.tasklet.TaskletStep", "OFF");
		defaults.put("logging.level.org.springframework.batch.core.step.item.ChunkOrientedStep", "OFF");
		defaults.put("logging.level.org.springframework.transaction.support.TransactionTemplate", "OFF");
		defaults.put("logging.level.org.springframework.context.support.DefaultLifecycleProcessor", "OFF");
		defaults.put("logging.level.org.springframework.cloud.task", "OFF");
		if (taskName == null) {
			defaults.put("spring.cloud.task.autoconfiguration.enabled", "false");
			defaults.put("spring.cloud.task.batch.listener.enabled", "false");
			defaults.put("spring.cloud.task.batch.fail-on-job-failure", "false");
		}
		else {
			defaults.put("spring.cloud.task.name", taskName);
		}
		Operator.ecsTaskArn().ifPresent(arn -> {
			LogContext.put(LogContext.ECS_TASK_ARN, arn);
			if (taskName != null) {
				defaults.put("spring.cloud.task.external-execution-id", arn);
			}
		});
		defaults.putAll(extraProperties);
		Map<String, Object> overrides = new HashMap<>();
		if (options.dbUrl != null) {
			overrides.put("spring.datasource.url", options.dbUrl);
		}
		SpringApplication application = new SpringApplication(SettlementBatchApplication.class);
		application.setDefaultProperties(defaults);
		EmbeddedDatabase[] embeddedHolder = { null };
		// One database rule: --db-url, else spring.datasource.url from any of Boot's
		// property sources (the environment, -D, SPRING_APPLICATION_JSON, a config file),
		// else the embedded PostgreSQL. Decided once the environment is complete (Boot's
		// config data is read by then), and told as the command's first line.
		application.addListeners((ApplicationListener<ApplicationEnvironmentPreparedEvent>) event -> {
			ConfigurableEnvironment environment = event.getEnvironment();
			environment.getPropertySources().addFirst(new MapPropertySource("cli", overrides));
			String url = environment.getProperty("spring.datasource.url");
			if (isBlank(url)) {
				embeddedHolder[0] = EmbeddedDatabase.open(Path.of(options.home));
				overrides.put("spring.datasource.url", embeddedHolder[0].jdbcUrl());
				overrides.put("spring.datasource.username", embeddedHolder[0].username());
				overrides.put("spring.datasource.password", "");
			}
			announceDatabase(options, environment.getProperty("spring.datasource.url"), embeddedHolder[0]);
		});
		application.addInitializers(context -> {
			holder[0] = new Platform(embeddedHolder[0], context);
			context.getBeanFactory().registerSingleton("settlementCommand", runner);
		});
		try {
			application.run(recordedArguments);
		}
		catch (RuntimeException ex) {
			// The application never started: there is nothing to record or close but the
			// database.
			if (options.json()) {
				// one event, at the level of what happened: a file not there yet is a
				// wait, a configuration error needs no trace
				int code = SettlementBatchCommand.exitCodeOf(ex);
				org.slf4j.spi.LoggingEventBuilder event = switch (code) {
					case 4 -> LoggerFactory.getLogger(Platform.class).atWarn().addKeyValue("event", "input_missing");
					case 2 ->
						LoggerFactory.getLogger(Platform.class).atError().addKeyValue("event", "configuration_error");
					default -> LoggerFactory.getLogger(Platform.class)
						.atError()
						.addKeyValue("event",
								(holder[0] != null && holder[0].working) ? "job_failed" : "startup_failed")
						.setCause(ex);
				};
				event.addKeyValue("exit_code", code).log(SettlementBatchCommand.message(ex));
				REPORTED.add(ex);
			}
			if (holder[0] != null) {
				holder[0].exited = true;
			}
			if (embeddedHolder[0] != null) {
				embeddedHolder[0].close();
			}
			throw ex;
		}
	}

	/**
	 * The command's first line: which database it uses, host and name (never a user or
	 * password), on stderr for a person, as the {@code database} event in JSON.
	 */
	private static void announceDatabase(CommonOptions options, String url, EmbeddedDatabase embedded) {
		String said = embedded != null ? "the embedded PostgreSQL under "
				+ Path.of(options.home).toAbsolutePath().normalize() + " (" + where(url) + ")" : where(url);
		if (options.json()) {
			LoggerFactory.getLogger(Platform.class)
				.atInfo()
				.addKeyValue("event", "database")
				.addKeyValue("database", where(url))
				.addKeyValue("embedded", embedded != null)
				.log("Database: {}", said);
		}
		else {
			System.err.println("Database: " + said);
		}
	}

	/**
	 * Host, port and database name of a JDBC URL, without its parameters (which may carry
	 * a user or password).
	 */
	static String where(String jdbcUrl) {
		if (jdbcUrl == null) {
			return "(none)";
		}
		String rest = jdbcUrl.replaceFirst("^jdbc:", "");
		int query = rest.indexOf('?');
		if (query >= 0) {
			rest = rest.substring(0, query);
		}
		int at = rest.indexOf('@'); // user:password@host
		if (at >= 0) {
			rest = rest.substring(0, rest.indexOf("//") + 2) + rest.substring(at + 1);
		}
		return rest;
	}

	/**
	 * Failures already logged as an event, which the command line must not print again.
	 */
	private static final java.util.Set<Throwable> REPORTED = java.util.Collections
		.newSetFromMap(new java.util.WeakHashMap<>());

	static boolean reported(Throwable ex) {
		return REPORTED.contains(ex);
	}

	/**
	 * Outbox objects are spooled to the temporary directory before their one PUT: a
	 * directory the process cannot write fails the run before any work, in words.
	 */
	static void requireWritableTemporaryDirectory() {
		Path directory = Path.of(System.getProperty("java.io.tmpdir"));
		try {
			Files.delete(Files.createTempFile(directory, "settlement-batch-", ".probe"));
		}
		catch (IOException | SecurityException ex) {
			String reason = (ex instanceof NoSuchFileException) ? "it does not exist"
					: (ex instanceof AccessDeniedException) ? "permission denied" : ex.getClass().getSimpleName();
			throw new IllegalArgumentException("The temporary directory " + directory + " is not writable by user "
					+ System.getProperty("user.name") + " (" + reason + "). Mount a writable volume there (the image "
					+ "declares /work, owned by user 10001, as a VOLUME: mount the task's volume at /work) or point "
					+ "-Djava.io.tmpdir at a directory this user can write.");
		}
	}

	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	ConfigurableApplicationContext context() {
		return this.context;
	}

	/**
	 * Records the exit code with the task, closes the context and the embedded database.
	 */
	int exit(int code) {
		if (!this.exited) {
			this.exited = true;
			SpringApplication.exit(this.context, () -> code);
			if (this.embedded != null) {
				this.embedded.close();
			}
		}
		return code;
	}

	@Override
	public void close() {
		exit(1);
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
