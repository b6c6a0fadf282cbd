package jp.settlementbatch.support.intake;

import java.util.List;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jp.settlementbatch.support.csv.FileRejection;
import jp.settlementbatch.support.files.FileStore;
import jp.settlementbatch.support.intake.ImportFiles.ImportFile;
import jp.settlementbatch.support.intake.IntakeSteps.IntakeContext;
import jp.settlementbatch.support.progress.RunProgress;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What an import job is made of: the {@linkplain #steps steps of each file}, and a last
 * {@linkplain #verdict() verdict} step that gives the job the exit status REJECTED when
 * any of its files was rejected as a whole (the CLI's exit code 3).
 */
public class IntakeJobs {

	private final IntakeContext context;

	public IntakeJobs(JobRepository jobRepository, PlatformTransactionManager transactionManager, DataSource dataSource,
			FileStore files, int chunkSize, RunProgress progress) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		this.context = new IntakeContext(jobRepository, transactionManager, dataSource, jdbc, files,
				new ImportFiles(jdbc), chunkSize, progress, new PendingLines(jdbc));
	}

	/** An import job of these steps, in this order, reporting its progress. */
	public Job job(String name, Step first, Step... next) {
		SimpleJobBuilder job = new JobBuilder(name, this.context.jobRepository()).listener(this.context.stepListener())
			.start(first);
		for (Step step : next) {
			job.next(step);
		}
		return job.build();
	}

	/** The steps of one file of a kind, pinned under the job parameters' prefix. */
	public IntakeSteps steps(FileKind kind, String parameterPrefix) {
		return new IntakeSteps(kind, parameterPrefix, this.context);
	}

	/** The last step of every import job. */
	public Step verdict() {
		return new StepBuilder("verdict", this.context.jobRepository()).tasklet((contribution, chunkContext) -> {
			long instanceId = chunkContext.getStepContext()
				.getStepExecution()
				.getJobExecution()
				.getJobInstance()
				.getInstanceId();
			contribution.setExitStatus(verdict(this.context.importFiles().ofJobInstance(instanceId)));
			return RepeatStatus.FINISHED;
		}, this.context.transactionManager()).listener((StepExecutionListener) this.context.stepListener()).build();
	}

	/**
	 * REJECTED, saying which files and why, when a file was rejected as a whole;
	 * COMPLETED, saying so, when every file was the same bytes as one already accepted.
	 */
	static ExitStatus verdict(List<ImportFile> files) {
		List<ImportFile> rejected = files.stream().filter(f -> f.status() == FileStatus.REJECTED).toList();
		List<ImportFile> again = files.stream().filter(f -> f.status() == FileStatus.DUPLICATE).toList();
		if (rejected.isEmpty() && !again.isEmpty()) {
			return new ExitStatus("COMPLETED",
					again.stream()
						.map(f -> f.fileName() + " is the same bytes as the file already accepted for "
								+ f.businessDate() + ": nothing to take in.")
						.collect(Collectors.joining(" ")));
		}
		if (rejected.isEmpty()) {
			return ExitStatus.COMPLETED;
		}
		StringBuilder description = new StringBuilder();
		for (ImportFile file : rejected) {
			FileRejection reason = FileRejection.valueOf(file.rejectReason());
			description.append(file.fileName())
				.append(" rejected: ")
				.append(reason.name())
				.append(" (")
				.append(reason.description())
				.append("). ");
		}
		return new ExitStatus("REJECTED", description.toString().trim());
	}

}
