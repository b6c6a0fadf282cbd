package jp.settlementbatch.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jp.settlementbatch.support.progress.LogContext;
import jp.settlementbatch.support.progress.RunProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;

/**
 * SIGTERM (ECS stop, Spot interruption): ask the running job to stop at the next chunk
 * boundary ({@link RunProgress#requestStop()}), and keep the JVM alive until it has (the
 * current chunk commits or rolls back, the execution ends STOPPED), well within the 120 s
 * ECS stop timeout. A rerun resumes it.
 */
final class GracefulStop {

	private static final Logger log = LoggerFactory.getLogger(GracefulStop.class);

	static final long WAIT_SECONDS = 100;

	/**
	 * Released when the command has completely finished (summary printed, database
	 * closed).
	 */
	private static final CountDownLatch commandDone = new CountDownLatch(1);

	private GracefulStop() {
	}

	/**
	 * Runs the work (the jobs of a command) with the stop hook around it.
	 * @param json whether the command logs structured events (else the stop is told on
	 * the terminal)
	 */
	static <T> T around(Platform platform, boolean json, Callable<T> work) throws Exception {
		Thread hook = new Thread(() -> {
			LogContext.adopt();
			Optional<JobExecution> stopping = platform.bean(RunProgress.class).requestStop();
			String message = stopping
				.map(execution -> "Stop requested: stopping execution " + execution.getId()
						+ " at the next chunk boundary.")
				.orElse("Stop requested: no further job will start.");
			if (json) {
				log.atWarn().addKeyValue("event", "stop_requested").log(message);
			}
			else {
				System.err.println("\n" + message);
			}
			try {
				commandDone.await(WAIT_SECONDS, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "graceful-stop");
		Runtime.getRuntime().addShutdownHook(hook);
		try {
			return work.call();
		}
		finally {
			try {
				Runtime.getRuntime().removeShutdownHook(hook);
			}
			catch (IllegalStateException shuttingDown) {
				// the hook is running: let it see the run has ended
			}
		}
	}

	/** Called when the command is completely done, just before the process exits. */
	static void commandDone() {
		commandDone.countDown();
	}

}
