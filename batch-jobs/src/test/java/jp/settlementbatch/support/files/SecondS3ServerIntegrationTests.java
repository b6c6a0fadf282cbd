package jp.settlementbatch.support.files;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jp.settlementbatch.support.testing.JarProcess;
import jp.settlementbatch.support.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.S3Object;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole sample day over a second S3 implementation (s3rver, from npm), beside the
 * s3proxy of the other tests: every output the day writes is stored byte for byte as the
 * same day writes it to a local folder. s3rver stores an upload as it arrives, so framing
 * the client should not have sent would show here.
 */
class SecondS3ServerIntegrationTests {

	static final Path SERVER = Path.of("src/test/s3rver");

	static final Path DAY1 = Path.of("../sample-files/2026-11-20");

	static Process s3rver;

	static String endpoint;

	static S3Client client;

	@TempDir
	static Path data;

	@TempDir
	Path work;

	@BeforeAll
	static void startS3rver() throws Exception {
		Assumptions.assumeTrue(onPath("node") && onPath("npm"),
				"Node.js and npm are needed to run s3rver (the second S3 server); .ci/run has them");
		Path install = Path.of("target/s3rver");
		if (!Files.exists(install.resolve("node_modules/s3rver"))) {
			Files.createDirectories(install);
			Files.copy(SERVER.resolve("package.json"), install.resolve("package.json"),
					java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			Files.copy(SERVER.resolve("package-lock.json"), install.resolve("package-lock.json"),
					java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			// Not inheritIO: Node would set the test JVM's standard input non-blocking,
			// and surefire talks to its fork through it.
			Path log = install.resolve("npm-ci.log");
			Process npm = new ProcessBuilder("npm", "ci", "--no-fund", "--no-audit").directory(install.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			npm.getOutputStream().close();
			assertThat(npm.waitFor(300, TimeUnit.SECONDS) && npm.exitValue() == 0)
				.as(() -> "npm ci of s3rver: " + readQuietly(log))
				.isTrue();
		}
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		s3rver = new ProcessBuilder("node", install.resolve("node_modules/s3rver/bin/s3rver.js").toString(), "-d",
				data.toString(), "-a", "127.0.0.1", "-p", String.valueOf(port), "--silent")
			.redirectErrorStream(true)
			.redirectOutput(data.resolve("s3rver.log").toFile())
			.start();
		s3rver.getOutputStream().close();
		endpoint = "http://127.0.0.1:" + port;
		client = S3Client.builder()
			.endpointOverride(URI.create(endpoint))
			.forcePathStyle(true)
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("S3RVER", "S3RVER")))
			.serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
			.build();
		long deadline = System.currentTimeMillis() + 30_000;
		while (true) {
			try {
				client.listBuckets();
				break;
			}
			catch (RuntimeException notYet) {
				assertThat(System.currentTimeMillis()).as("s3rver started").isLessThan(deadline);
				Thread.sleep(200);
			}
		}
	}

	@AfterAll
	static void stopS3rver() {
		if (s3rver != null) {
			s3rver.destroy();
		}
	}

	@Test
	void aWholeDayOverS3rverWritesEveryOutputAsTheLocalDayDoes() throws Exception {
		// given the sample day in a bucket
		client.createBucket(r -> r.bucket("batch"));
		try (Stream<Path> files = Files.list(DAY1)) {
			for (Path file : files.toList()) {
				client.putObject(r -> r.bucket("batch").key("inbox/" + file.getFileName()), RequestBody.fromFile(file));
			}
		}

		// when the day runs over S3, and on local folders
		Map<String, String> s3 = Map.of("AWS_ENDPOINT_URL_S3", endpoint, "AWS_ACCESS_KEY_ID", "S3RVER",
				"AWS_SECRET_ACCESS_KEY", "S3RVER", "AWS_REGION", "us-east-1");
		JarProcess overS3 = JarProcess.start(this.work, s3, "daily", "--business-date=2026-11-20",
				"--inbox=s3://batch/inbox", "--outbox=s3://batch/outbox", "--partitions=2",
				"--db-url=" + TestDatabase.fresh(), "--log-format=text");
		assertThat(overS3.waitFor(300)).as(overS3.output()).isZero();
		Path local = this.work.resolve("local-outbox");
		JarProcess onDisk = JarProcess.start(this.work, Map.of(), "daily", "--business-date=2026-11-20",
				"--inbox=" + DAY1.toAbsolutePath(), "--outbox=" + local, "--partitions=2",
				"--db-url=" + TestDatabase.fresh(), "--log-format=text");
		assertThat(onDisk.waitFor(300)).as(onDisk.output()).isZero();

		// then every output is there, byte for byte (the daily report carries durations)
		Map<String, byte[]> stored = new TreeMap<>();
		for (S3Object object : client.listObjectsV2Paginator(r -> r.bucket("batch").prefix("outbox/")).contents()) {
			String name = object.key().substring("outbox/".length());
			if (!name.startsWith("reports/")) {
				stored.put(name, client.getObjectAsBytes(r -> r.bucket("batch").key(object.key())).asByteArray());
			}
		}
		Map<String, byte[]> written = localFiles(local);
		assertThat(stored.keySet()).containsExactlyElementsOf(written.keySet())
			.contains("plans/partitions_20261120.json", "notifications/interest_20261120.jsonl",
					"credit-review/credit_review_20261120.csv");
		for (String name : written.keySet()) {
			assertThat(stored.get(name)).as(name).isEqualTo(written.get(name));
		}
		assertThat(new String(stored.get("plans/partitions_20261120.json"))).startsWith("[{\"partition\":\"0/2\"");
	}

	private static Map<String, byte[]> localFiles(Path root) throws IOException {
		Map<String, byte[]> files = new TreeMap<>();
		try (Stream<Path> all = Files.walk(root)) {
			for (Path file : all.filter(Files::isRegularFile).toList()) {
				String name = root.relativize(file).toString().replace('\\', '/');
				if (!name.startsWith("reports/")) {
					files.put(name, Files.readAllBytes(file));
				}
			}
		}
		return files;
	}

	private static String readQuietly(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			return "(no log)";
		}
	}

	private static boolean onPath(String command) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
			if (Files.isExecutable(Path.of(dir, command))) {
				return true;
			}
		}
		return false;
	}

}
