package jp.settlementbatch.support.intake;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jp.settlementbatch.support.progress.RunProgress;
import jp.settlementbatch.support.files.FileStore;
import jp.settlementbatch.support.intake.IntakeSteps.IntakeContext;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds import jobs from file kinds. Each file of a job gets receive, load, settle and
 * rejects steps; a last {@code verdict} step gives the job the exit status REJECTED when
 * any of its files was rejected as a whole (the CLI's exit code 3).
 */
public class IntakeJobs {

	/** A file of an import job and the job-parameter prefix its input is pinned under. */
	public record Part(FileKind kind, String parameterPrefix) {

	}

	private final IntakeContext context;

	public IntakeJobs(JobRepository jobRepository, PlatformTransactionManager transactionManager, DataSource dataSource,
			FileStore files, int chunkSize, RunProgress progress) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		this.context = new IntakeContext(jobRepository, transactionManager, dataSource, jdbc, files,
				new ImportFiles(jdbc), chunkSize, progress);
	}

	public Job job(String name, Part... parts) {
		List<Step> steps = new ArrayList<>();
		for (Part part : parts) {
			IntakeSteps intake = new IntakeSteps(part.kind(), part.parameterPrefix(), this.context);
			steps.add(intake.receive());
			steps.add(intake.load());
			steps.add(intake.settle());
			steps.add(intake.rejects());
		}
		return jobOf(name, steps.toArray(Step[]::new));
	}

	/** A job of the given steps and the closing verdict step. */
	public Job jobOf(String name, Step... stepsBeforeVerdict) {
		List<Step> steps = new ArrayList<>(List.of(stepsBeforeVerdict));
		steps.add(verdict());
		SimpleJobBuilder job = new JobBuilder(name, this.context.jobRepository()).listener(this.context.stepListener())
			.start(steps.get(0));
		for (Step step : steps.subList(1, steps.size())) {
			job.next(step);
		}
		return job.build();
	}

	private Step verdict() {
		return new StepBuilder("verdict", this.context.jobRepository()).tasklet((contribution, chunkContext) -> {
			long instanceId = chunkContext.getStepContext()
				.getStepExecution()
				.getJobExecution()
				.getJobInstance()
				.getInstanceId();
			contribution.setExitStatus(IntakeSteps.verdict(this.context.importFiles().ofJobInstance(instanceId)));
			return RepeatStatus.FINISHED;
		}, this.context.transactionManager()).listener((StepExecutionListener) this.context.stepListener()).build();
	}

}
