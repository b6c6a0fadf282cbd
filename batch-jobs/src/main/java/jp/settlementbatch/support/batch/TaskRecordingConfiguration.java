package jp.settlementbatch.support.batch;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.task.configuration.EnableTask;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Cloud Task records every invocation that runs or changes jobs (task execution,
 * exit code, the ECS task ARN as external execution id, the link to its job executions).
 * Commands that only read switch it off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.cloud.task.autoconfiguration.enabled", havingValue = "true",
		matchIfMissing = true)
@EnableTask
class TaskRecordingConfiguration {

}
