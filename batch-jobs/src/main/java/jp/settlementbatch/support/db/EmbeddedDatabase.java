package jp.settlementbatch.support.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local PostgreSQL that the CLI uses when no database URL is given: real PostgreSQL
 * binaries (zonky), data kept under a folder of the working directory so job metadata
 * survives from one command to the next.
 *
 * <p>
 * Several commands may share one data folder at once (two runs racing for a lock, a rerun
 * after {@code kill -9}): the first starts the server, the others adopt it through
 * {@code postmaster.pid}. The last command to leave stops it. A server left behind by a
 * killed process is adopted by the next command.
 */
public final class EmbeddedDatabase implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	public static final String DATABASE = "settlement";

	private final Path dataDirectory;

	private final int port;

	private final EmbeddedPostgres started;

	private EmbeddedDatabase(Path dataDirectory, int port, EmbeddedPostgres started) {
		this.dataDirectory = dataDirectory;
		this.port = port;
		this.started = started;
	}

	/** Starts the server of {@code home}, or adopts the one already running there. */
	public static EmbeddedDatabase open(Path home) {
		return open(home, 0);
	}

	/**
	 * Starts the server of {@code home} on {@code port} (0: any free port), or adopts the
	 * one already running there.
	 */
	public static EmbeddedDatabase open(Path home, int port) {
		try {
			Files.createDirectories(home);
			Path dataDirectory = home.resolve("pgdata").toAbsolutePath();
			try (FileChannel channel = FileChannel.open(home.resolve("start.lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
				Optional<Integer> running = runningPort(dataDirectory);
				EmbeddedDatabase database;
				if (running.isPresent()) {
					database = new EmbeddedDatabase(dataDirectory, running.get(), null);
				}
				else {
					int chosen = port > 0 ? port : freePort();
					EmbeddedPostgres postgres = EmbeddedPostgres.builder()
						.setDataDirectory(dataDirectory)
						.setCleanDataDirectory(false)
						.setRegisterShutdownHook(false)
						.setPort(chosen)
						.setPGStartupWait(Duration.ofSeconds(60))
						// Sized for batch loads on a laptop or a 2-core CI machine.
						.setServerConfig("shared_buffers", "256MB")
						.setServerConfig("max_wal_size", "4GB")
						.setServerConfig("checkpoint_timeout", "30min")
						.setServerConfig("wal_buffers", "16MB")
						.setServerConfig("maintenance_work_mem", "256MB")
						.setServerConfig("work_mem", "64MB")
						.setServerConfig("max_connections", "100")
						.setServerConfig("timezone", "Asia/Tokyo")
						.start();
					database = new EmbeddedDatabase(dataDirectory, chosen, postgres);
				}
				database.createDatabaseIfMissing();
				return database;
			}
		}
		catch (IllegalStateException ex) {
			if (String.valueOf(ex.getMessage()).contains("Missing embedded postgres binaries")) {
				// The production image's jar (Maven profile `image`) has no embedded
				// server.
				throw new IllegalArgumentException(
						"No database is configured, and this build carries no embedded "
								+ "PostgreSQL: set SPRING_DATASOURCE_URL (with _USERNAME and _PASSWORD) or --db-url.",
						ex);
			}
			throw ex;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL under " + home
					+ ". Check that the folder is writable, or set SPRING_DATASOURCE_URL to use your own PostgreSQL.",
					ex);
		}
	}

	public String jdbcUrl() {
		return jdbcUrl(DATABASE);
	}

	public String jdbcUrl(String database) {
		return "jdbc:postgresql://localhost:" + this.port + "/" + database;
	}

	public String username() {
		return "postgres";
	}

	public int port() {
		return this.port;
	}

	public Path dataDirectory() {
		return this.dataDirectory;
	}

	/** Creates another database on this server (tests give each suite its own). */
	public String createDatabase(String name) {
		try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE \"" + name + "\"");
			return jdbcUrl(name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + name, ex);
		}
	}

	/**
	 * Stops the server when no other command is connected to it; otherwise leaves it to
	 * the last one.
	 */
	@Override
	public void close() {
		try {
			if (otherClients() > 0) {
				return;
			}
			if (this.started != null) {
				this.started.close();
			}
			else {
				// A server adopted from a killed command: a smart shutdown waits for
				// clients.
				postmasterPid(this.dataDirectory).flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroy);
			}
		}
		catch (IOException | SQLException ex) {
			log.warn("Embedded PostgreSQL did not stop cleanly: {}", ex.getMessage());
		}
	}

	/**
	 * Stops the server now, whoever started it (tests simulate a database restart with
	 * it).
	 */
	public void stopNow() throws IOException {
		if (this.started != null) {
			this.started.close();
		}
	}

	private int otherClients() throws SQLException {
		try (Connection connection = connect("postgres");
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT count(*) FROM pg_stat_activity "
						+ "WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()")) {
			rs.next();
			return rs.getInt(1);
		}
	}

	private void createDatabaseIfMissing() throws IOException {
		try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement
				.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
				if (rs.next()) {
					return;
				}
			}
			statement.execute("CREATE DATABASE " + DATABASE);
		}
		catch (SQLException ex) {
			// 42P04: another command created it meanwhile
			if (!"42P04".equals(ex.getSQLState())) {
				throw new IOException("Embedded PostgreSQL is not answering on port " + this.port, ex);
			}
		}
	}

	private Connection connect(String database) throws SQLException {
		return DriverManager.getConnection(jdbcUrl(database), username(), "");
	}

	private static Optional<Integer> runningPort(Path dataDirectory) {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		try {
			List<String> lines = Files.readAllLines(pidFile);
			long pid = Long.parseLong(lines.get(0).trim());
			int port = Integer.parseInt(lines.get(3).trim());
			if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
				try (Connection ignored = DriverManager
					.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "")) {
					return Optional.of(port);
				}
			}
		}
		catch (IOException | RuntimeException | SQLException ex) {
			log.debug("No usable server behind {}: {}", pidFile, ex.getMessage());
		}
		return Optional.empty();
	}

	private static Optional<Long> postmasterPid(Path dataDirectory) {
		try {
			return Optional
				.of(Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim()));
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
