package jp.settlementbatch.cli;

import java.util.Arrays;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.Callable;

import jp.settlementbatch.support.batch.ExitCode;
import jp.settlementbatch.support.progress.LogContext;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code settlement-batch migrate}: brings the database to the schema of this image
 * (Flyway), as a deploy step under the schema's owner role. The jobs then run with Flyway
 * off, under a user that may only read and write rows, and check the version at start.
 * The demo and local runs migrate by themselves, as before.
 */
@Command(name = "migrate",
		description = "Bring the database to this image's schema (a deploy step, under the owner role).")
class MigrateCommand implements Callable<Integer> {

	@Mixin
	CommonOptions common;

	@Override
	public Integer call() {
		LogContext.command("migrate", null, null);
		Date started = new Date();
		// whatever the environment says for the jobs (SPRING_FLYWAY_ENABLED=false), this
		// command migrates: a system property outranks it
		String before = System.setProperty("spring.flyway.enabled", "true");
		try {
			return migrate(started);
		}
		finally {
			if (before == null) {
				System.clearProperty("spring.flyway.enabled");
			}
			else {
				System.setProperty("spring.flyway.enabled", before);
			}
		}
	}

	private int migrate(Date started) {
		return Platform.run(this.common, "migrate", new String[] { "migrate" }, Map.of(), platform -> {
			Flyway flyway = platform.bean(Flyway.class);
			MigrationInfo current = flyway.info().current();
			long applied = Arrays.stream(flyway.info().applied())
				.filter(m -> m.getInstalledOn() != null && !m.getInstalledOn().before(started))
				.count();
			String said = "The database is at version "
					+ (current == null || current.getVersion() == null ? "none" : current.getVersion().getVersion())
					+ (applied == 0 ? "; it already was, nothing applied."
							: "; " + applied + " migration" + (applied == 1 ? "" : "s") + " applied now.");
			if (this.common.json()) {
				LoggerFactory.getLogger(MigrateCommand.class)
					.atInfo()
					.addKeyValue("event", "migrated")
					.addKeyValue("applied", applied)
					.log(said);
			}
			else {
				System.out.println(said);
			}
			return ExitCode.COMPLETED.code();
		});
	}

}
