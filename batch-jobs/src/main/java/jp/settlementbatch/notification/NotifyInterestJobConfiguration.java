package jp.settlementbatch.notification;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import jp.settlementbatch.ledger.Accrued;
import jp.settlementbatch.ledger.Partition;
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
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code notify-interest}: streams every account's position (one query, ordered by
 * account_id, constant memory) into the notification file, written atomically to the
 * outbox (see the package documentation for the partitioned form). Only counts are
 * logged.
 */
@Configuration(proxyBeanMethods = false)
class NotifyInterestJobConfiguration {

	private static final String POSITIONS = """
			SELECT p.account_id, b.last_closed_on + 1 AS cycle_start, b.interest_numerator_365,
			       b.interest_numerator_366, b.late_charge_numerator_365, b.late_charge_numerator_366,
			       CASE WHEN a.repayment_method = 'REVOLVING' THEN b.shopping_principal ELSE 0 END + b.cash_principal
			           AS interest_bearing_balance,
			       p.amount_due AS payment_due, p.due_date, p.days_overdue
			FROM report.account_position p
			JOIN card.balance b ON b.account_id = p.account_id
			JOIN card.account a ON a.account_id = p.account_id
			WHERE """ + Partition.condition("p.account_id") + """
			ORDER BY p.account_id""";

	@Bean
	Job notifyInterestJob(JobRepository jobRepository,
			@Qualifier("transactionManager") PlatformTransactionManager transactionManager, JdbcTemplate jdbc,
			FileStore files, RunProgress progress) {
		Step write = new StepBuilder("write-interest-notices", jobRepository).tasklet((contribution, chunkContext) -> {
			var parameters = chunkContext.getStepContext().getStepExecution().getJobParameters();
			LocalDate businessDate = RunParameters.of(parameters).businessDate();
			Partition partition = Partition.of(parameters);
			String name = "interest_" + businessDate.format(DateTimeFormatter.BASIC_ISO_DATE)
					+ (partition.count() == 1 ? "" : ".part-" + partition.index() + "-of-" + partition.count())
					+ ".jsonl";
			String target = FileStore.resolve(RunParameters.of(parameters).outbox(), "notifications", name);
			long[] written = new long[1];
			files.write(target, out -> {
				BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
				jdbc.query(POSITIONS, (RowCallbackHandler) rs -> {
					long due = rs.getLong("payment_due");
					Accrued accrued = new Accrued(rs.getBigDecimal("interest_numerator_365"),
							rs.getBigDecimal("interest_numerator_366"), rs.getBigDecimal("late_charge_numerator_365"),
							rs.getBigDecimal("late_charge_numerator_366"));
					InterestNotice notice = new InterestNotice(rs.getString("account_id"), businessDate,
							rs.getObject("cycle_start", LocalDate.class), accrued.postedInterest(),
							rs.getLong("interest_bearing_balance"),
							due > 0 ? rs.getObject("due_date", LocalDate.class) : null, due, rs.getLong("days_overdue"),
							accrued.postedLateCharges());
					if (notice.worthTelling()) {
						try {
							writer.write(notice.toJson());
							writer.write('\n');
						}
						catch (IOException ex) {
							throw new UncheckedIOException(ex);
						}
						written[0]++;
					}
				}, partition.parameters());
				writer.flush();
			});
			contribution.incrementWriteCount(written[0]);
			contribution.setExitStatus(new ExitStatus("COMPLETED", written[0] + " notices written to " + target));
			return RepeatStatus.FINISHED;
		}, transactionManager).listener((StepExecutionListener) progress).build();
		return new JobBuilder("notify-interest", jobRepository).listener(progress).start(write).build();
	}

}
