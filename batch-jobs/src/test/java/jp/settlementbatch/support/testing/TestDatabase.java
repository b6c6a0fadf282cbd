package jp.settlementbatch.support.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import jp.settlementbatch.support.db.EmbeddedDatabase;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One real PostgreSQL per test JVM, and a fresh database on it for every test that asks.
 * By default the embedded one (the production major version, no Docker needed); with
 * {@code -Ptestcontainers} (system property
 * {@code settlement.test-database=testcontainers}) a Testcontainers PostgreSQL of the
 * same major version, and every test that needs a database is skipped, saying why, when
 * no Docker engine answers.
 */
public final class TestDatabase {

	/** The image of the opt-in container: the major version the embedded server runs. */
	static final String IMAGE = System.getProperty("settlement.test-database.image", "postgres:17");

	private static final AtomicInteger counter = new AtomicInteger();

	private static Server server;

	private TestDatabase() {
	}

	/** Where test databases are made. */
	interface Server {

		/** The JDBC URL (with credentials) of a new, empty database. */
		String createDatabase(String name);

	}

	/** The server {@code setting} names: "embedded" (or nothing) or "testcontainers". */
	static Server server(String setting) {
		if (setting == null || setting.isBlank() || "embedded".equals(setting)) {
			return new Embedded();
		}
		if ("testcontainers".equals(setting)) {
			return new Container();
		}
		throw new IllegalArgumentException(
				"settlement.test-database must be embedded or testcontainers, not '" + setting + "'");
	}

	private static synchronized Server server() {
		if (server == null) {
			server = server(System.getProperty("settlement.test-database"));
		}
		return server;
	}

	/** The JDBC URL of a new, empty database. */
	public static String fresh() {
		return server().createDatabase("t" + counter.incrementAndGet());
	}

	/** The embedded PostgreSQL (zonky binaries from Maven Central). */
	static final class Embedded implements Server {

		private final EmbeddedDatabase database;

		Embedded() {
			((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.zonky"))
				.setLevel(ch.qos.logback.classic.Level.WARN);
			this.database = EmbeddedDatabase.open(Path.of("target", "test-pg-" + ProcessHandle.current().pid()));
			// the server is this JVM's alone (its folder has the pid): stop it even when
			// a test left a pool open, which close() would wait for
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					this.database.stopNow();
				}
				catch (java.io.IOException ex) {
					System.err.println("The test PostgreSQL did not stop: " + ex.getMessage());
				}
			}));
		}

		@Override
		public String createDatabase(String name) {
			return this.database.createDatabase(name) + "?user=postgres";
		}

	}

	/** A Testcontainers PostgreSQL, started on first use. */
	static final class Container implements Server {

		private PostgreSQLContainer container;

		@Override
		public synchronized String createDatabase(String name) {
			if (this.container == null) {
				Assumptions.assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
						"settlement.test-database=testcontainers (-Ptestcontainers), but no Docker engine answers: "
								+ "start one, or run the tests without -Ptestcontainers on the embedded PostgreSQL");
				this.container = new PostgreSQLContainer(IMAGE);
				this.container.start();
				Runtime.getRuntime().addShutdownHook(new Thread(this.container::stop));
			}
			try (Connection connection = DriverManager.getConnection(this.container.getJdbcUrl(),
					this.container.getUsername(), this.container.getPassword());
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE DATABASE " + name);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not create database " + name + ": " + ex.getMessage(), ex);
			}
			String url = this.container.getJdbcUrl();
			String base = url.substring(0, url.lastIndexOf('/') + 1);
			return base + name + "?user=" + this.container.getUsername() + "&password=" + this.container.getPassword();
		}

	}

}
