package jp.settlementbatch.support.batch;

import java.util.Map;

import javax.sql.DataSource;

import jp.settlementbatch.SettlementBatchApplication;
import jp.settlementbatch.support.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.job.SimpleJob;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chunk's rows and the reader position saved with it must commit in one transaction, or
 * a restart could skip or double a chunk. Spring Cloud Task adds a second transaction
 * manager of its own; every step must use the one of the application's DataSource.
 */
class TransactionBoundaryIntegrationTests {

	@Test
	void everyStepOfEveryJobCommitsOnTheApplicationDataSource() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SettlementBatchApplication.class)
			.properties(Map.of("spring.datasource.url", TestDatabase.fresh(), "spring.main.banner-mode", "off"))
			.run()) {
			DataSource dataSource = context.getBean(DataSource.class);
			PlatformTransactionManager boots = context.getBean("transactionManager", PlatformTransactionManager.class);
			assertThat(context.getBeansOfType(PlatformTransactionManager.class)).hasSizeGreaterThan(1);
			assertThat(boots).isInstanceOf(DataSourceTransactionManager.class);
			assertThat(((DataSourceTransactionManager) boots).getDataSource()).isSameAs(dataSource);

			int steps = 0;
			for (Job job : context.getBeansOfType(Job.class).values()) {
				SimpleJob simple = (SimpleJob) job;
				for (String name : simple.getStepNames()) {
					Step step = simple.getStep(name);
					assertThat(ReflectionTestUtils.getField(step, "transactionManager")).as(job.getName() + "/" + name)
						.isSameAs(boots);
					steps++;
				}
			}
			assertThat(steps).isGreaterThan(20);
		}
	}

}
