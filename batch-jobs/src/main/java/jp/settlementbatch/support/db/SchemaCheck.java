package jp.settlementbatch.support.db;

import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.migration.JavaMigration;

import org.springframework.beans.factory.InitializingBean;

/**
 * Where migrations are a deploy step ({@code spring.flyway.enabled=false}, as the task
 * definitions set it: the jobs run under a user that may only read and write rows), a job
 * checks at start that the database has every migration of this image, and stops with
 * exit 2 and what to do when it has not. It only reads Flyway's history table.
 */
final class SchemaCheck implements InitializingBean {

	/** Where the migrations are, as Flyway is configured for {@code migrate}. */
	static final String LOCATIONS = "classpath:db/migration";

	private final DataSource dataSource;

	private final List<JavaMigration> javaMigrations;

	SchemaCheck(DataSource dataSource, List<JavaMigration> javaMigrations) {
		this.dataSource = dataSource;
		this.javaMigrations = javaMigrations;
	}

	@Override
	public void afterPropertiesSet() {
		MigrationInfoService info = Flyway.configure()
			.dataSource(this.dataSource)
			.schemas("batch")
			.createSchemas(false)
			.locations(LOCATIONS)
			.javaMigrations(this.javaMigrations.toArray(JavaMigration[]::new))
			.load()
			.info();
		MigrationInfo[] pending = info.pending();
		if (pending.length == 0) {
			return;
		}
		MigrationInfo current = info.current();
		String needs = Arrays.stream(info.all())
			.filter(m -> m.getVersion() != null)
			.reduce((a, b) -> b)
			.map(m -> m.getVersion().getVersion())
			.orElse("?");
		String at = current == null || current.getVersion() == null ? "no version (not migrated)"
				: "version " + current.getVersion().getVersion();
		throw new IllegalArgumentException("The database is at " + at + ", this image needs version " + needs
				+ (pending.length > 0 && pending[pending.length - 1].getVersion() == null
						? " and its repeatable migrations" : "")
				+ ": run migrate first (settlement-batch migrate, or the migrate task under the owner role), then this"
				+ " command again.");
	}

}
