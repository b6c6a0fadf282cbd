package jp.settlementbatch.support.config;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;

/**
 * The settings of this process, bound as the application context binds them (system
 * properties, then the environment, with Boot's relaxed names).
 */
public record Settings(SettlementProperties settlement, PlatformProperties platform) {

	public static Settings fromEnvironment() {
		return of(new StandardEnvironment());
	}

	public static Settings of(Environment environment) {
		Binder binder = Binder.get(environment);
		return new Settings(binder.bindOrCreate("settlement", SettlementProperties.class),
				new PlatformProperties(binder.bindOrCreate("aws", PlatformProperties.Aws.class),
						binder.bindOrCreate("ecs", PlatformProperties.Ecs.class)));
	}

}
