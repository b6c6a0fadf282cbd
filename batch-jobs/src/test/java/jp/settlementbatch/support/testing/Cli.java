package jp.settlementbatch.support.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jp.settlementbatch.cli.SettlementBatchCommand;

/**
 * Runs the command line in this JVM against a test database, capturing everything it
 * prints.
 */
public final class Cli {

	/** The database of every run, or null when the arguments go as given. */
	private final String dbUrl;

	private final StringBuilder allOutput = new StringBuilder();

	public Cli(String dbUrl) {
		this.dbUrl = dbUrl;
	}

	/**
	 * Runs with the arguments as given: for commands that start their own database
	 * ({@code bench}), need none, or name one themselves.
	 */
	public static Cli asGiven() {
		return new Cli(null);
	}

	public record Result(int exitCode, String output) {
	}

	public synchronized Result run(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		if (this.dbUrl != null) {
			all.add("--db-url=" + this.dbUrl);
			if (all.stream().noneMatch(a -> a.startsWith("--log-format"))) {
				all.add("--log-format=json");
			}
		}
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
		int code = execute(all, both, both);
		String output = captured.toString(StandardCharsets.UTF_8);
		this.allOutput.append(output);
		return new Result(code, output);
	}

	/** What a run wrote to stdout and to stderr, apart. */
	public record Apart(int exitCode, String stdout, String stderr) {
	}

	/** As {@link #run}, keeping stdout and stderr apart (for what scripts read). */
	public synchronized Apart runApart(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		if (this.dbUrl != null) {
			all.add("--db-url=" + this.dbUrl);
		}
		ByteArrayOutputStream stdout = new ByteArrayOutputStream();
		ByteArrayOutputStream stderr = new ByteArrayOutputStream();
		int code = execute(all, new PrintStream(stdout, true, StandardCharsets.UTF_8),
				new PrintStream(stderr, true, StandardCharsets.UTF_8));
		return new Apart(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
	}

	/**
	 * Runs the command line with stdout and stderr going to {@code out} and {@code err}.
	 */
	private static int execute(List<String> args, PrintStream out, PrintStream err) {
		PrintStream stdout = System.out;
		PrintStream stderr = System.err;
		System.setOut(out);
		System.setErr(err);
		try {
			return SettlementBatchCommand.execute(args.toArray(String[]::new));
		}
		finally {
			System.setOut(stdout);
			System.setErr(stderr);
		}
	}

	/** Everything every run of this instance printed (logs included), for leak scans. */
	public String allOutput() {
		return this.allOutput.toString();
	}

}
