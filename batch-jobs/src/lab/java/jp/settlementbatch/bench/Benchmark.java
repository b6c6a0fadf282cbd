package jp.settlementbatch.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.postgresql.PGConnection;

import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Measures the import against its floor, in one run on one database: the floor is the
 * same cash-flow file loaded with plain {@code COPY ... FROM STDIN (FORMAT csv)} into an
 * unlogged table with the same primary key (and, beside it, into a logged one); the naive
 * reference is the textbook chunked Spring Batch import. Prints one JSON line per
 * measurement: rows, wall seconds, rows/s, peak heap.
 */
public final class Benchmark {

	private final DataSource dataSource;

	private final ObjectMapper json = new ObjectMapper();

	public Benchmark(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * A measured piece of work: its rows, seconds and the peak heap seen while it ran.
	 */
	public record Measurement(String name, long rows, double seconds, long peakHeapMb) {

		double rowsPerSecond() {
			return this.rows / Math.max(this.seconds, 1e-6);
		}

	}

	public Measurement measure(String name, Supplier<Long> work) {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
		Thread sampler = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "heap-sampler");
		sampler.setDaemon(true);
		sampler.start();
		long start = System.nanoTime();
		long rows = work.get();
		double seconds = (System.nanoTime() - start) / 1e9;
		sampler.interrupt();
		Measurement measurement = new Measurement(name, rows, seconds, peak.get() >> 20);
		print(measurement, Map.of());
		return measurement;
	}

	public void print(Measurement m, Map<String, Object> extra) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("job", m.name());
		line.put("rows", m.rows());
		// to the microsecond, so ratios of short jobs can be checked against their own figures
		line.put("wall_seconds", Math.round(m.seconds() * 1e6) / 1e6);
		line.put("rows_per_second", Math.round(m.rowsPerSecond()));
		line.put("peak_heap_mb", m.peakHeapMb());
		line.putAll(extra);
		printJson(line);
	}

	public void printJson(Map<String, Object> line) {
		try {
			System.out.println(this.json.writeValueAsString(line));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The floor: the D records of the file through plain COPY CSV into an unlogged table
	 * with the same key.
	 */
	public long copyFloor(Path cashFlowFile) {
		return plainCopy(cashFlowFile, "UNLOGGED");
	}

	/**
	 * The same plain COPY into a logged table (every row in the WAL, as the import's rows
	 * are): what a load that keeps its rows costs before any check, restart point or
	 * index of its own.
	 */
	public long copyLogged(Path cashFlowFile) {
		return plainCopy(cashFlowFile, "");
	}

	private long plainCopy(Path cashFlowFile, String persistence) {
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		jdbc.execute("CREATE SCHEMA IF NOT EXISTS bench");
		dropPlainCopy();
		jdbc.execute(
				"""
						CREATE %s TABLE bench.floor_cash_flow (
							record CHAR(1) NOT NULL, transaction_id VARCHAR(32) PRIMARY KEY, account_id CHAR(10) NOT NULL,
							type TEXT NOT NULL, amount BIGINT NOT NULL, currency CHAR(3) NOT NULL, transacted_at TIMESTAMPTZ NOT NULL,
							merchant_name TEXT NOT NULL, mcc CHAR(4), card_last4 CHAR(4) NOT NULL, original_transaction_id VARCHAR(32))
						"""
					.formatted(persistence));
		try (Connection connection = this.dataSource.getConnection();
				Reader details = new DetailLines(Files.newBufferedReader(cashFlowFile, StandardCharsets.UTF_8))) {
			return connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("COPY bench.floor_cash_flow FROM STDIN (FORMAT csv)", details);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Plain COPY failed: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Drops the plain COPY's table, whose pages would otherwise still be dirty in the
	 * buffer cache when the next measurement starts, and be written out on its time.
	 */
	public void dropPlainCopy() {
		new JdbcTemplate(this.dataSource).execute("DROP TABLE IF EXISTS bench.floor_cash_flow");
	}

	/**
	 * Writes out what earlier work left dirty (a checkpoint), so that a measurement that
	 * starts now pays only for its own writes.
	 */
	public void checkpoint() {
		new JdbcTemplate(this.dataSource).execute("CHECKPOINT");
	}

	/** The naive reference import, run as a Spring Batch job. */
	public long naive(JobRepository jobRepository, JobOperator jobOperator,
			PlatformTransactionManager transactionManager, Path cashFlowFile, LocalDate businessDate) {
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		jdbc.execute("CREATE SCHEMA IF NOT EXISTS bench");
		jdbc.execute("DROP TABLE IF EXISTS bench.naive_cash_flow");
		jdbc.execute(NaiveReference.TABLE_DDL);
		try {
			jobOperator.start(NaiveReference.job(jobRepository, transactionManager, this.dataSource, cashFlowFile),
					new JobParametersBuilder().addLocalDate("business.date", businessDate)
						.addLong("bench.run", System.nanoTime())
						.toJobParameters());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return jdbc.queryForObject("SELECT count(*) FROM bench.naive_cash_flow", Long.class);
	}

	/** Passes only the D records of a file through, so plain COPY CSV can take them. */
	static final class DetailLines extends Reader {

		private final BufferedReader in;

		private String line = "";

		private int position;

		DetailLines(BufferedReader in) {
			this.in = in;
		}

		@Override
		public int read(char[] buffer, int offset, int length) throws IOException {
			while (this.position >= this.line.length()) {
				String next = this.in.readLine();
				if (next == null) {
					return -1;
				}
				this.line = next.startsWith("D,") ? next + "\n" : "";
				this.position = 0;
			}
			int n = Math.min(length, this.line.length() - this.position);
			this.line.getChars(this.position, this.position + n, buffer, offset);
			this.position += n;
			return n;
		}

		@Override
		public void close() throws IOException {
			this.in.close();
		}

	}

}
