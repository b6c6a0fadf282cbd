package jp.settlementbatch.support.db;

import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.api.migration.JavaMigration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The corrections written in Java, which Boot hands to Flyway with the SQL migrations.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean
	StoredCardNumbers storedCardNumbers() {
		return new StoredCardNumbers();
	}

	/**
	 * With migrations a deploy step (Flyway off), the schema this image needs is checked
	 * before any job starts.
	 */
	@Bean
	@ConditionalOnProperty(name = "spring.flyway.enabled", havingValue = "false")
	SchemaCheck schemaCheck(DataSource dataSource, List<JavaMigration> javaMigrations) {
		return new SchemaCheck(dataSource, javaMigrations);
	}

}
