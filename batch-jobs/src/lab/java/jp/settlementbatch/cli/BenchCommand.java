package jp.settlementbatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jp.settlementbatch.bench.Benchmark;
import jp.settlementbatch.bench.Benchmark.Measurement;
import jp.settlementbatch.bench.LedgerFloor;
import jp.settlementbatch.bench.SyntheticDay;
import jp.settlementbatch.day.JobInputs;
import jp.settlementbatch.support.batch.ExitCode;
import jp.settlementbatch.support.batch.JobRuns;
import jp.settlementbatch.support.batch.RunOutcome;
import jp.settlementbatch.support.config.RunParameters;
import jp.settlementbatch.support.files.FileStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code settlement-batch bench}: generates a deterministic synthetic day, runs it on a
 * fresh embedded PostgreSQL and prints one JSON line per job (rows, wall seconds, rows/s,
 * peak heap) and the ratios of quality.md.
 */
@Command(name = "bench", description = "Benchmark the daily workflow on a synthetic day (JSON lines on stdout).")
public class BenchCommand implements Callable<Integer>, DeveloperCommand {

	@Mixin
	SyntheticDayOptions size;

	@Option(names = "--work", defaultValue = ".settlement-batch/bench",
			description = "Scratch folder (files and database).")
	Path work;

	@Option(names = "--skip-naive", description = "Do not run the naive reference (it is slow at large sizes).")
	boolean skipNaive;

	@Option(names = "--business-date", defaultValue = "2026-11-20")
	String businessDate;

	@Override
	public Integer call() throws Exception {
		LocalDate date = Jobs.businessDate(this.businessDate);
		Path inbox = this.work.resolve("inbox");
		Path home = this.work.resolve("db");
		deleteTree(home);
		Files.createDirectories(inbox);
		SyntheticDay day = new SyntheticDay(date, this.size.accounts, 20261120L);
		long t0 = System.nanoTime();
		day.writeAll(inbox, this.size.cashFlows, this.size.repayments, this.size.applications, this.size.watchlist);
		System.err.printf("generated the synthetic day in %.1f s%n", (System.nanoTime() - t0) / 1e9);

		CommonOptions options = new CommonOptions();
		options.home = home.toString();
		options.logFormat = "text";
		return Platform.run(options, null, new String[] { "bench" }, Map.of(), platform -> {
			ApplicationContext context = platform.context();
			Benchmark bench = new Benchmark(context.getBean(DataSource.class));
			JobRuns runs = context.getBean(JobRuns.class);
			FileStore files = context.getBean(FileStore.class);
			String outbox = this.work.resolve("outbox").toString();
			long wallStart = System.nanoTime();

			Measurement accounts = bench.measure("import-accounts",
					() -> runJob(runs, files, "import-accounts", date, inbox, outbox));
			Path cashFlowFile = inbox.resolve("cashflow_" + date.toString().replace("-", "") + ".csv");
			// The floor and the import each start from a checkpointed database, and the
			// floor's table is gone before the import starts: neither pays for the
			// other's (or the accounts') dirty pages. The floor is measured before and
			// after the import, and the import compared with the mean of the two, so a
			// machine whose speed drifts during the run favours neither side.
			bench.checkpoint();
			Measurement floor = bench.measure("floor-copy-unlogged", () -> bench.copyFloor(cashFlowFile));
			bench.dropPlainCopy();
			bench.checkpoint();
			Measurement ours = bench.measure("import-cash-flows",
					() -> runJob(runs, files, "import-cash-flows", date, inbox, outbox));
			bench.checkpoint();
			Measurement floorAfter = bench.measure("floor-copy-unlogged-after", () -> bench.copyFloor(cashFlowFile));
			bench.dropPlainCopy();
			// The same plain COPY into a logged table: the import's rows are in the WAL,
			// the floor's are not. Naive ÷ this is about the most naive ÷ ours any
			// import that keeps its rows can score on this machine at this hour.
			bench.checkpoint();
			Measurement logged = bench.measure("copy-logged", () -> bench.copyLogged(cashFlowFile));
			bench.dropPlainCopy();
			double floorSeconds = (floor.seconds() + floorAfter.seconds()) / 2;
			bench.measure("import-repayments", () -> runJob(runs, files, "import-repayments", date, inbox, outbox));
			bench.measure("import-applications", () -> runJob(runs, files, "import-applications", date, inbox, outbox));
			long importsEnd = System.nanoTime();
			// Each ledger job runs right after its floor, on the same state (the floor is
			// rolled back, and both start from a checkpoint); the floors' time is not part
			// of the day's.
			LedgerFloor ledgerFloor = new LedgerFloor(context.getBean(DataSource.class));
			Map<String, Object> ledgerRatios = new LinkedHashMap<>();
			ledgerRatios.put("summary", "ledger");
			double ledgerJobs = 0;
			double ledgerFloors = 0;
			double floorsWall = 0;
			for (String job : List.of("plan-partitions", "update-statements", "update-repayments", "accrue-interest",
					"close-statements", "notify-interest", "build-credit-review-list")) {
				if (LedgerFloor.covers(job)) {
					long floorStart = System.nanoTime();
					bench.checkpoint();
					Measurement jobFloor = bench.measure("floor-" + job, () -> ledgerFloor.run(job, date));
					bench.checkpoint();
					floorsWall += (System.nanoTime() - floorStart) / 1e9;
					Measurement product = bench.measure(job, () -> runJob(runs, files, job, date, inbox, outbox));
					ledgerRatios.put(job + "_over_floor", round(product.seconds() / jobFloor.seconds()));
					ledgerJobs += product.seconds();
					ledgerFloors += jobFloor.seconds();
				}
				else {
					bench.measure(job, () -> runJob(runs, files, job, date, inbox, outbox));
				}
			}
			ledgerRatios.put("ledger_over_floor", round(ledgerJobs / ledgerFloors));
			ledgerRatios.put("ledger_seconds", round(ledgerJobs));
			ledgerRatios.put("floor_seconds", round(ledgerFloors));
			double ledgerWall = (System.nanoTime() - importsEnd) / 1e9 - floorsWall;
			context.getBean(JdbcTemplate.class)
				.query("""
						SELECT i.job_name, s.step_name, s.read_count, extract(epoch FROM s.end_time - s.start_time) AS seconds
						FROM batch.batch_step_execution s
						JOIN batch.batch_job_execution e ON e.job_execution_id = s.job_execution_id
						JOIN batch.batch_job_instance i ON i.job_instance_id = e.job_instance_id
						ORDER BY s.step_execution_id
						""",
						rs -> {
							Map<String, Object> step = new LinkedHashMap<>();
							step.put("step", rs.getString(1) + "/" + rs.getString(2));
							step.put("read", rs.getLong(3));
							step.put("seconds", round(rs.getDouble(4)));
							bench.printJson(step);
						});
			double importsWall = (importsEnd - wallStart) / 1e9 - floor.seconds() - floorAfter.seconds()
					- logged.seconds();
			Map<String, Object> ratios = new LinkedHashMap<>();
			ratios.put("summary", "import");
			ratios.put("cash_flows", this.size.cashFlows);
			ratios.put("import_over_floor", round(ours.seconds() / floorSeconds));
			ratios.put("import_over_floor_before", round(ours.seconds() / floor.seconds()));
			ratios.put("import_over_logged_copy", round(ours.seconds() / logged.seconds()));
			ratios.put("cost_per_row_us", round(ours.seconds() * 1e6 / Math.max(ours.rows(), 1)));
			ratios.put("imports_wall_seconds", round(importsWall));
			ratios.put("ledger_and_outputs_wall_seconds", round(ledgerWall));
			ratios.put("daily_wall_seconds", round(importsWall + ledgerWall));
			ratios.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
			if (!this.skipNaive) {
				Measurement naive = bench.measure("naive-reference",
						() -> bench.naive(context.getBean(JobRepository.class), context.getBean(JobOperator.class),
								context.getBean("transactionManager", PlatformTransactionManager.class), cashFlowFile,
								date));
				ratios.put("naive_over_import", round(naive.seconds() / ours.seconds()));
				// naive ÷ ours = (naive ÷ floor) ÷ (ours ÷ floor): this tells whether
				// a low figure comes from the import or from the reference
				ratios.put("naive_over_floor", round(naive.seconds() / floorSeconds));
				ratios.put("naive_over_logged_copy", round(naive.seconds() / logged.seconds()));
			}
			bench.printJson(ledgerRatios);
			bench.printJson(ratios);
			return 0;
		});
	}

	/**
	 * Runs one job of the day; its rows are the items its steps read (accounts for the
	 * ledger jobs), or wrote when they read none.
	 */
	private static long runJob(JobRuns runs, FileStore files, String job, LocalDate date, Path inbox, String outbox) {
		RunOutcome outcome = runs.run(runs.job(job).orElseThrow(),
				JobInputs.resolve(job, RunParameters.of(date, outbox, 0.01), new JobInputs.Sources(null, inbox.toString()),
						files));
		if (outcome.exitCode() != ExitCode.COMPLETED) {
			throw new IllegalStateException(job + " did not complete: " + outcome.message());
		}
		long read = outcome.execution().getStepExecutions().stream().mapToLong(s -> s.getReadCount()).sum();
		return read > 0 ? read
				: outcome.execution().getStepExecutions().stream().mapToLong(s -> s.getWriteCount()).sum();
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

	private static void deleteTree(Path path) throws java.io.IOException {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(path)) {
			for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(p);
			}
		}
	}

}
