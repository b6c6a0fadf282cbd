package jp.settlementbatch.support.testing;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import jp.settlementbatch.support.db.EmbeddedDatabase;

/**
 * One real PostgreSQL (embedded, the production major version) per test JVM, and a fresh
 * database on it for every test that asks.
 */
public final class TestDatabase {

	private static final AtomicInteger counter = new AtomicInteger();

	private static EmbeddedDatabase server;

	private TestDatabase() {
	}

	public static synchronized EmbeddedDatabase server() {
		if (server == null) {
			((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.zonky"))
				.setLevel(ch.qos.logback.classic.Level.WARN);
			server = EmbeddedDatabase.open(Path.of("target", "test-pg-" + ProcessHandle.current().pid()));
			Runtime.getRuntime().addShutdownHook(new Thread(server::close));
		}
		return server;
	}

	/** The JDBC URL of a new, empty database. */
	public static String fresh() {
		return server().createDatabase("t" + counter.incrementAndGet()) + "?user=postgres";
	}

}
