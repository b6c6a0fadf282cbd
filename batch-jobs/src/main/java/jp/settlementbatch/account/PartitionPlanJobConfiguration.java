package jp.settlementbatch.account;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.settlementbatch.support.config.RunParameters;
import jp.settlementbatch.support.files.FileStore;
import jp.settlementbatch.support.progress.RunProgress;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code plan-partitions}: how the day's per-account work is split into N partitions
 * ({@code card.partition_of}), written to {@code <outbox>/plans/partitions_YYYYMMDD.json}
 * for the Step Functions Distributed Map and printed on stdout:
 * {@code [{"partition":"0/8","accounts":12503}, ...]}. Every partition is listed, empty
 * ones too, so the Map runs exactly N children.
 */
@Configuration(proxyBeanMethods = false)
class PartitionPlanJobConfiguration {

	@Bean
	Job planPartitionsJob(JobRepository jobRepository,
			@Qualifier("transactionManager") PlatformTransactionManager transactionManager, JdbcTemplate jdbc,
			FileStore files, RunProgress progress) {
		Step plan = new StepBuilder("plan-partitions", jobRepository).tasklet((contribution, chunkContext) -> {
			RunParameters run = RunParameters.of(chunkContext.getStepContext().getStepExecution());
			LocalDate businessDate = run.businessDate();
			int n = run.partitions();
			long[] counts = new long[n];
			jdbc.query("SELECT card.partition_of(account_id, ?) AS p, count(*) FROM card.account GROUP BY 1", rs -> {
				counts[rs.getInt(1)] = rs.getLong(2);
			}, n);
			List<Map<String, Object>> partitions = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				Map<String, Object> partition = new LinkedHashMap<>();
				partition.put("partition", i + "/" + n);
				partition.put("accounts", counts[i]);
				partitions.add(partition);
			}
			byte[] json = new ObjectMapper().writeValueAsBytes(partitions);
			String target = FileStore.resolve(run.outbox(), "plans",
					"partitions_" + businessDate.format(DateTimeFormatter.BASIC_ISO_DATE) + ".json");
			files.write(target, out -> out.write(json));
			// the plan is told in the run's own summary, not printed into the log stream
			String accounts = partitions.stream()
				.map(planned -> planned.get("partition") + ": " + planned.get("accounts"))
				.collect(java.util.stream.Collectors.joining(", "));
			String said = n + " partitions written to " + target + " (accounts per partition " + accounts + ")";
			org.slf4j.LoggerFactory.getLogger(PartitionPlanJobConfiguration.class)
				.atInfo()
				.addKeyValue("event", "partition_plan")
				.log(said);
			contribution.setExitStatus(new ExitStatus("COMPLETED", said));
			return RepeatStatus.FINISHED;
		}, transactionManager).listener((StepExecutionListener) progress).build();
		return new JobBuilder("plan-partitions", jobRepository).listener(progress).start(plan).build();
	}

}
