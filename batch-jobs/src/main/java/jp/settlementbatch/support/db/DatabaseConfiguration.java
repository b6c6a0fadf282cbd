package jp.settlementbatch.support.db;

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

}
