package jp.settlementbatch.support.batch;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import jp.settlementbatch.support.csv.PanGuard;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * The words of a run's outcome: the exit code its execution ends with, and one line for
 * the operator saying what happened and what to do.
 */
final class RunOutcomes {

	private RunOutcomes() {
	}

	static RunOutcome finished(JobExecution execution, boolean noOp) {
		String prefix = noOp ? "Already done before (execution " + execution.getId() + "): " : "";
		String exitCode = execution.getExitStatus().getExitCode();
		String description = execution.getExitStatus().getExitDescription();
		return switch (execution.getStatus()) {
			case COMPLETED ->
				"REJECTED".equals(exitCode) ? new RunOutcome(ExitCode.INPUT_REJECTED, prefix + description, execution)
						: new RunOutcome(ExitCode.COMPLETED, prefix + "completed.", execution);
			case STOPPED -> new RunOutcome(ExitCode.FAILED, "Execution " + execution.getId()
					+ " stopped at a chunk boundary. Run the same command again to resume it.", execution);
			default -> {
				String cause = cause(execution).orElseGet(() -> firstLine(description));
				yield new RunOutcome(ExitCode.FAILED,
						"Execution " + execution.getId() + " failed: " + cause
								+ (cause.toLowerCase(Locale.ROOT).contains("run the same command again") ? ""
										: " Run the same command again to resume from the last committed chunk."),
						execution);
			}
		};
	}

	static String describe(JobParameters parameters) {
		return parameters.getIdentifyingParameters()
			.stream()
			.sorted(Comparator.comparing(JobParameter::name))
			.map(p -> p.name() + "="
					+ (p.name().endsWith("sha256") ? abbreviate(String.valueOf(p.value())) : p.value()))
			.collect(Collectors.joining(", "));
	}

	private static String abbreviate(String sha) {
		return sha == null || sha.length() < 12 ? String.valueOf(sha) : sha.substring(0, 12) + "…";
	}

	/**
	 * What failed, in the words of the code that knew: the first failure's outermost
	 * cause from this product (which object, at which byte), an I/O or SQL error, or else
	 * its root cause. The framework's wrappers ("Unable to process chunk") say nothing.
	 */
	static Optional<String> cause(JobExecution execution) {
		for (Throwable failure : execution.getAllFailureExceptions()) {
			Throwable root = failure;
			for (Throwable t = failure; t != null; t = t.getCause()) {
				if (t.getClass().getName().startsWith("jp.settlementbatch") || t instanceof java.io.IOException
						|| t instanceof java.io.UncheckedIOException || t instanceof java.sql.SQLException) {
					Throwable why = t.getCause();
					String detail = (t instanceof java.io.UncheckedIOException && why != null
							&& why.getMessage() != null) ? " (" + why.getMessage() + ")" : "";
					return Optional.of(PanGuard.mask(t.getMessage() + detail));
				}
				root = t;
			}
			if (root.getMessage() != null) {
				return Optional.of(PanGuard.mask(root.getClass().getSimpleName() + ": " + root.getMessage()));
			}
		}
		return Optional.empty();
	}

	private static String firstLine(String description) {
		if (description == null || description.isBlank()) {
			return "see the log for the cause.";
		}
		String line = description.lines().findFirst().orElse("").strip();
		return line.length() > 300 ? line.substring(0, 300) + "…" : line;
	}

}
