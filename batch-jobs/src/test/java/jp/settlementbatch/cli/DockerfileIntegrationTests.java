package jp.settlementbatch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What can be checked of the image without a Docker engine: the Dockerfile's shape
 * (multi-stage, a JRE-only runtime, a non-root user, an exec-form entrypoint, the heap
 * sized from the container), and its runtime stage replayed on this machine: the layers
 * extracted from the built jar the way the build stage does, copied together the way the
 * runtime stage does, the AOT cache made the way it makes it (by a Java 25 JVM: the
 * machine's Temurin 25, {@code JAVA25_HOME}), and a start with the image's entrypoint
 * that must use that cache ({@code -XX:AOTMode=on}).
 */
class DockerfileIntegrationTests {

	static final Path DOCKERFILE = Path.of(System.getProperty("settlement.sample-files", "../sample-files"))
		.resolveSibling("Dockerfile");

	@TempDir
	Path work;

	@Test
	void theImageIsMultiStageJreOnlyAndNonRoot() throws IOException {
		String dockerfile = Files.readString(DOCKERFILE);
		List<String> from = lines(dockerfile, "^FROM (\\S+)");
		assertThat(from).hasSize(2);
		assertThat(from.get(0)).startsWith("maven:");
		assertThat(from.get(1)).contains("-jre");
		assertThat(lines(dockerfile, "^USER (\\S+)")).singleElement().satisfies(user -> {
			assertThat(user).doesNotStartWith("0").doesNotStartWith("root");
		});
		assertThat(lines(dockerfile, "^ENTRYPOINT (.+)")).singleElement()
			.satisfies(entrypoint -> assertThat(entrypoint).startsWith("[\"java\""));
		assertThat(dockerfile).contains("MaxRAMPercentage");
		String runtime = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
		assertThat(runtime).as("no build tools in the runtime stage").doesNotContain("mvn ").doesNotContain("apt-get");
	}

	@Test
	void theRuntimeLayoutStartsWithTheImagesEntrypointAndItsAotCache() throws Exception {
		Path java25 = Path.of(System.getenv().getOrDefault("JAVA25_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin",
				"java");
		assumeTrue(Files.isExecutable(java25),
				"No Java 25 at " + java25 + " (set JAVA25_HOME): the image's AOT cache is made and used by Java 25.");
		// given the layers extracted from the built jar the way the build stage does,
		// copied together the way the runtime stage does
		String jar = System.getProperty("settlement.jar", "target/settlement-batch.jar");
		Path layers = this.work.resolve("layers");
		run(this.work, "java", "-Djarmode=tools", "-jar", Path.of(jar).toAbsolutePath().toString(), "extract",
				"--layers", "--destination", layers.toString());
		Path app = Files.createDirectories(this.work.resolve("app"));
		for (String layer : List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
			copyTree(layers.resolve(layer), app);
		}

		// when the AOT cache is made as the runtime stage makes it: a job that finds no
		// database
		String dockerfile = Files.readString(DOCKERFILE);
		assertThat(dockerfile).contains("-XX:AOTCacheOutput=/app/settlement-batch.aot")
			.contains("--db-url=jdbc:postgresql://127.0.0.1:1/training");
		Path training = Files.createDirectories(this.work.resolve("training"));
		Path archive = app.resolve("settlement-batch.aot");
		Process trainingRun = new ProcessBuilder(java25.toString(), "-XX:AOTCacheOutput=" + archive, "-jar",
				"settlement-batch.jar", "run", "import-cash-flows", "--business-date=2026-11-21",
				"--input="
						+ DOCKERFILE.resolveSibling("sample-files/2026-11-21/cashflow_20261121.csv").toAbsolutePath(),
				"--outbox=" + training, "--db-url=jdbc:postgresql://127.0.0.1:1/training", "--log-format=json")
			.directory(app.toFile())
			.redirectErrorStream(true)
			.redirectOutput(training.resolve("training.log").toFile())
			.start();
		assertThat(trainingRun.waitFor(120, TimeUnit.SECONDS)).isTrue();

		// then the run failed for want of a database, and left the cache
		assertThat(trainingRun.exitValue()).isNotZero();
		assertThat(archive).isNotEmptyFile();

		// and the image's entrypoint starts with it, the cache used (-XX:AOTMode=on fails
		// when it cannot be)
		List<String> entrypoint = new ArrayList<>(
				List.of(lines(dockerfile, "^ENTRYPOINT \\[(.+)\\]").get(0).replace("\"", "").split(",\\s*")));
		assertThat(entrypoint).startsWith("java", "-XX:AOTCache=/app/settlement-batch.aot")
			.endsWith("-jar", "/app/settlement-batch.jar");
		entrypoint.replaceAll(part -> part.replace("/app/", app.toString() + "/"));
		entrypoint.set(0, java25.toString());
		entrypoint.add(1, "-XX:AOTMode=on");
		entrypoint.add("--help");
		String help = run(app, entrypoint.toArray(String[]::new));
		assertThat(help).contains("Usage: settlement-batch").contains("daily").contains("restart");
	}

	private static List<String> lines(String text, String regex) {
		List<String> found = new ArrayList<>();
		Matcher matcher = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

	private static String run(Path directory, String... command) throws Exception {
		List<String> full = new ArrayList<>(List.of(command));
		Process process = new ProcessBuilder(full).directory(directory.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

	private static void copyTree(Path from, Path to) throws IOException {
		if (!Files.exists(from)) {
			return;
		}
		try (var paths = Files.walk(from)) {
			for (Path source : paths.toList()) {
				Path target = to.resolve(from.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(source, target);
				}
			}
		}
	}

}
