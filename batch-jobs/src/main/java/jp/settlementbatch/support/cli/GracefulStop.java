package jp.settlementbatch.support.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jp.settlementbatch.support.batch.RunProgress;

/**
 * SIGTERM (ECS stop, Spot interruption): ask the running job to stop at the next chunk
 * boundary ({@link RunProgress#requestStop()}), and keep the JVM alive until it has (the
 * current chunk commits or rolls back, the execution ends STOPPED), well within the 120 s
 * ECS stop timeout. A rerun resumes it.
 */
final class GracefulStop {

	static final long WAIT_SECONDS = 100;

	/**
	 * Released when the command has completely finished (summary printed, database
	 * closed).
	 */
	private static final CountDownLatch commandDone = new CountDownLatch(1);

	private GracefulStop() {
	}

	/** Work that runs jobs, with the stop hook around it. */
	@FunctionalInterface
	interface Stoppable<T> {

		T run() throws Exception;

	}

	static <T> T around(Platform platform, Stoppable<T> work) throws Exception {
		Thread hook = new Thread(() -> {
			System.err.println(platform.bean(RunProgress.class)
				.requestStop()
				.map(execution -> "\nStop requested: stopping execution " + execution.getId()
						+ " at the next chunk boundary.")
				.orElse("\nStop requested: no further job will start."));
			try {
				commandDone.await(WAIT_SECONDS, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "graceful-stop");
		Runtime.getRuntime().addShutdownHook(hook);
		try {
			return work.run();
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
