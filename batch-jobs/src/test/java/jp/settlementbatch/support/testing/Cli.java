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
		PrintStream out = System.out;
		PrintStream err = System.err;
		PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
		System.setOut(both);
		System.setErr(both);
		int code;
		try {
			code = SettlementBatchCommand.execute(all.toArray(String[]::new));
		}
		finally {
			System.setOut(out);
			System.setErr(err);
		}
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
		PrintStream out = System.out;
		PrintStream err = System.err;
		System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
		System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
		int code;
		try {
			code = SettlementBatchCommand.execute(all.toArray(String[]::new));
		}
		finally {
			System.setOut(out);
			System.setErr(err);
		}
		return new Apart(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
	}

	/** Everything every run of this instance printed (logs included), for leak scans. */
	public String allOutput() {
		return this.allOutput.toString();
	}

}
