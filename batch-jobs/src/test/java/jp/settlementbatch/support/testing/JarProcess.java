package jp.settlementbatch.support.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The real jar started as its own process, as ECS or an operator would start it. */
public final class JarProcess {

	private final Process process;

	private final Path output;

	private JarProcess(Process process, Path output) {
		this.process = process;
		this.output = output;
	}

	public static JarProcess start(Path work, Map<String, String> environment, String... args) throws IOException {
		return withHeap(work, environment, "-Xmx512m", args);
	}

	/** As {@link #start}, with a heap of {@code maxHeap} (e.g. {@code -Xmx256m}). */
	public static JarProcess withHeap(Path work, Map<String, String> environment, String maxHeap, String... args)
			throws IOException {
		String jar = System.getProperty("settlement.jar", "target/settlement-batch.jar");
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), maxHeap,
						// quick start on small CI machines that start many of these
						// processes
						"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar));
		command.addAll(List.of(args));
		Files.createDirectories(work);
		Path output = Files.createTempFile(work, "process-", ".log");
		ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		builder.environment().putAll(environment);
		return new JarProcess(builder.start(), output);
	}

	public int waitFor(long seconds) throws InterruptedException {
		if (!this.process.waitFor(seconds, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			throw new AssertionError("process did not end within " + seconds + " s; output:\n" + output());
		}
		return this.process.exitValue();
	}

	/** {@code kill -9}: no shutdown hook, no chance to clean up. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(30, TimeUnit.SECONDS);
	}

	/** SIGTERM, as ECS sends on stop. */
	public void terminate() {
		this.process.destroy();
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * The process's peak resident set so far, in MiB (Linux {@code VmHWM}), or -1 when it
	 * cannot be read.
	 */
	public long peakResidentMib() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/" + this.process.pid() + "/status"))) {
				if (line.startsWith("VmHWM:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			// ended, or not Linux
		}
		return -1;
	}

	public String output() {
		try {
			return Files.readString(this.output);
		}
		catch (IOException ex) {
			return "(no output: " + ex.getMessage() + ")";
		}
	}

}
