package jp.settlementbatch.calendar;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.settlementbatch.support.config.RunParameters;
import jp.settlementbatch.support.csv.FileRejection;
import jp.settlementbatch.support.files.FileStore;
import jp.settlementbatch.support.intake.ImportFiles;
import jp.settlementbatch.support.intake.IntakeInput;
import jp.settlementbatch.support.intake.IntakeJobs;

import org.springframework.batch.core.job.Job;
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
 * {@code import-calendar}: the Japanese public holidays, a full replacement of
 * {@code card.public_holiday} in one transaction.
 */
@Configuration(proxyBeanMethods = false)
class CalendarImportJobConfiguration {

	@Bean
	Job importCalendarJob(IntakeJobs intake, JobRepository jobRepository,
			@Qualifier("transactionManager") PlatformTransactionManager transactionManager, FileStore files,
			JdbcTemplate jdbc) {
		ImportFiles importFiles = new ImportFiles(jdbc);
		Step replace = new StepBuilder("replace-calendar", jobRepository).tasklet((contribution, chunkContext) -> {
			var execution = chunkContext.getStepContext().getStepExecution();
			long instanceId = execution.getJobExecution().getJobInstance().getInstanceId();
			IntakeInput input = IntakeInput.from(execution.getJobParameters(), IntakeInput.INPUT).orElseThrow();
			LocalDate businessDate = RunParameters.of(execution.getJobParameters()).businessDate();
			long fileId = importFiles.ofJobInstance(instanceId, "CALENDAR")
				.map(ImportFiles.ImportFile::fileId)
				.orElseGet(() -> importFiles.register(input.object().name(), "CALENDAR", businessDate, businessDate,
						input.sha256(), input.object().size(), input.object().uri(), input.object().version(),
						instanceId));
			Optional<List<HolidayCalendarFile.Holiday>> holidays;
			try (InputStream in = files.open(input.object(), 0)) {
				holidays = HolidayCalendarFile.parse(in);
			}
			if (holidays.isEmpty()) {
				importFiles.reject(fileId, FileRejection.INVALID_CALENDAR, 0, 0, 0, java.math.BigInteger.ZERO);
				return RepeatStatus.FINISHED;
			}
			jdbc.update("DELETE FROM card.public_holiday");
			jdbc.batchUpdate("INSERT INTO card.public_holiday (holiday_date, name, file_id) VALUES (?, ?, ?)",
					holidays.get().stream().map(h -> new Object[] { h.date(), h.name(), fileId }).toList());
			int count = holidays.get().size();
			importFiles.accept(fileId, count, count, 0, 0, 0, java.math.BigInteger.ZERO, java.math.BigInteger.ZERO);
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
		return intake.job("import-calendar", replace, intake.verdict());
	}

}
