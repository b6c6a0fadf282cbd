package jp.settlementbatch.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import jp.settlementbatch.console.ConsolePages;
import jp.settlementbatch.console.ConsoleServer;
import jp.settlementbatch.support.batch.JobRuns;
import jp.settlementbatch.support.files.FileStore;
import jp.settlementbatch.support.progress.LogContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code settlement-batch console}: the read-only web view of the job repository and the
 * day reports, on 127.0.0.1 until Ctrl-C ({@link ConsolePages}). Its database session is
 * read-only and it never migrates.
 */
@Command(name = "console",
		description = "Serve a read-only view of the run dates, day reports, job executions and stragglers on"
				+ " http://127.0.0.1:<port>/ until Ctrl-C. It changes nothing: where an action is needed it shows the command.")
class ConsoleCommand implements Callable<Integer> {

	@Option(names = "--port", defaultValue = "8686", description = "Port on 127.0.0.1 (0: any free port).")
	int port;

	@Option(names = "--outbox", paramLabel = "URI", defaultValue = "${env:SETTLEMENT_OUTBOX:-out}",
			description = "Where the reports are (folder or S3 prefix; SETTLEMENT_OUTBOX).")
	String outbox;

	@Mixin
	CommonOptions common;

	@Override
	public Integer call() {
		LogContext.command("console", null, null);
		if (this.port < 0 || this.port > 65535) {
			throw new IllegalArgumentException("--port must be from 0 to 65535, not " + this.port + ".");
		}
		Map<String, Object> readOnly = Map.of("spring.flyway.enabled", "false",
				"spring.datasource.hikari.connection-init-sql", "SET default_transaction_read_only = on");
		return Platform.run(this.common, null, new String[0], readOnly, platform -> {
			ConsolePages pages = new ConsolePages(platform.bean(JdbcTemplate.class), platform.bean(JobRuns.class),
					platform.bean(FileStore.class), this.outbox);
			CountDownLatch stopped = new CountDownLatch(1);
			try (ConsoleServer server = ConsoleServer.start(pages, this.port)) {
				Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "console-stop"));
				// the one line a script waits for; the port is the one bound (0 picks
				// one)
				System.out.println("Console: http://127.0.0.1:" + server.port() + "/ (read-only; Ctrl-C stops it)");
				System.out.flush();
				stopped.await();
			}
			return 0;
		});
	}

}
