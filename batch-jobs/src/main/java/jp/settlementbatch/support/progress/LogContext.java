package jp.settlementbatch.support.progress;

import jp.settlementbatch.support.config.Settings;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.MDC;

/**
 * The context every log event of the process carries, whoever logs it (ours, Spring's,
 * the framework's): {@code business_date}, {@code job}, {@code partition},
 * {@code job_execution_id}, {@code step}, {@code run_id} (the Step Functions execution
 * name, {@code SETTLEMENT_RUN_ID}) and {@code ecs_task_arn}. It lives in the MDC, which
 * Boot's structured logging writes as top-level fields, so CloudWatch Logs Insights can
 * filter on them.
 *
 * <p>
 * The MDC belongs to a thread: the command's thread sets it, and a helper thread that
 * logs (the SIGTERM hook) takes the command's context with {@link #adopt()}.
 */
public final class LogContext {

	public static final String BUSINESS_DATE = "business_date";

	public static final String JOB = "job";

	public static final String PARTITION = "partition";

	public static final String JOB_EXECUTION_ID = "job_execution_id";

	public static final String STEP = "step";

	public static final String RUN_ID = "run_id";

	public static final String ECS_TASK_ARN = "ecs_task_arn";

	/** The command thread's context, for helper threads. */
	private static volatile Map<String, String> shared = Map.of();

	private LogContext() {
	}

	/**
	 * The context of a command: the job (or command) it runs, its business date and
	 * partition (null when it has none), and the run it is part of.
	 */
	public static void command(String job, LocalDate businessDate, String partition) {
		put(JOB, job);
		put(BUSINESS_DATE, businessDate == null ? null : businessDate.toString());
		put(PARTITION, partition);
		put(RUN_ID, blankToNull(Settings.fromEnvironment().settlement().runId()));
	}

	/** Sets one field of the context; null removes it. */
	public static void put(String key, String value) {
		if (value == null) {
			MDC.remove(key);
		}
		else {
			MDC.put(key, value);
		}
		Map<String, String> copy = MDC.getCopyOfContextMap();
		shared = (copy == null) ? Map.of() : Map.copyOf(new TreeMap<>(copy));
	}

	/**
	 * Sets fields (key, value, key, value...) until the returned scope is closed, which
	 * gives them back their values before.
	 */
	public static Scope with(String... keysAndValues) {
		String[] before = new String[keysAndValues.length / 2];
		for (int i = 0; i < before.length; i++) {
			before[i] = get(keysAndValues[2 * i]);
			put(keysAndValues[2 * i], keysAndValues[2 * i + 1]);
		}
		return () -> {
			for (int i = 0; i < before.length; i++) {
				put(keysAndValues[2 * i], before[i]);
			}
		};
	}

	/** Fields set for a while ({@link #with}). */
	@FunctionalInterface
	public interface Scope extends AutoCloseable {

		@Override
		void close();

	}

	public static String get(String key) {
		return MDC.get(key);
	}

	/** Gives the calling (helper) thread the command thread's context. */
	public static void adopt() {
		MDC.setContextMap(shared);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
