package jp.settlementbatch.support.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Polls a condition a test needs before it acts, failing with the process output if it
 * never holds.
 */
public final class Wait {

	private Wait() {
	}

	public static void until(Duration timeout, BooleanSupplier condition, JarProcess process)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("condition not met within " + timeout
						+ (process == null ? "" : "; process output:\n" + process.output()));
			}
			if (process != null && !process.isAlive()) {
				throw new AssertionError("process ended early:\n" + process.output());
			}
			Thread.sleep(20);
		}
	}

}
