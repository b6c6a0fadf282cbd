package jp.settlementbatch.creditreview;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import jp.settlementbatch.support.config.RunParameters;
import jp.settlementbatch.support.db.SqlScript;
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
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code build-credit-review-list}: the officers' list of applications to review,
 * {@code <outbox>/credit-review/credit_review_YYYYMMDD.csv} (UTF-8 with BOM, CRLF, for
 * Excel). One step: the candidates come from one query, the rules are
 * {@link CreditReview}, the file is written atomically, and the first listing date of
 * each row is kept in the same transaction. The list holds personal data: it goes only to
 * the outbox, never to logs.
 */
@Configuration(proxyBeanMethods = false)
class CreditReviewListJobConfiguration {

	private static final String CANDIDATES = SqlScript.load(CreditReviewListJobConfiguration.class,
			"credit-review-candidates.sql");

	@Bean
	Job buildCreditReviewListJob(JobRepository jobRepository,
			@Qualifier("transactionManager") PlatformTransactionManager transactionManager, JdbcTemplate jdbc,
			FileStore files, RunProgress progress) {
		Step build = new StepBuilder("build-credit-review-list", jobRepository)
			.tasklet((contribution, chunkContext) -> {
				var execution = chunkContext.getStepContext().getStepExecution();
				LocalDate businessDate = RunParameters.of(execution.getJobParameters()).businessDate();
				String outbox = RunParameters.of(execution.getJobParameters()).outbox();
				NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
				MapSqlParameterSource day = new MapSqlParameterSource("business_date", businessDate);
				List<CreditReview.Row> rows = named
					.query(CANDIDATES, day, (rs, n) -> new Applicant(rs.getString("application_id"),
							rs.getObject("applied_at", OffsetDateTime.class), rs.getString("name_kana"),
							rs.getString("name_kanji"), rs.getObject("birth_date", LocalDate.class),
							(Long) rs.getObject("annual_income"), rs.getString("employment_type"),
							rs.getLong("requested_shopping_limit"), rs.getLong("requested_cash_limit"),
							(Long) rs.getObject("declared_other_debt"), rs.getString("bureau_status"),
							(Long) rs.getObject("bureau_debt_total"), (Boolean) rs.getObject("bureau_delinquent"),
							rs.getObject("first_listed_on", LocalDate.class), rs.getBoolean("watchlist_match"),
							rs.getBoolean("duplicate_applicant")))
					.stream()
					.map(applicant -> CreditReview.review(applicant, businessDate))
					.sorted(CreditReview.ORDER)
					.toList();
				String target = FileStore.resolve(outbox, "credit-review",
						"credit_review_" + businessDate.format(DateTimeFormatter.BASIC_ISO_DATE) + ".csv");
				files.write(target, out -> {
					out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
					Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
					ICSVWriter csv = new CSVWriterBuilder(writer).withLineEnd("\r\n").build();
					csv.writeNext(CreditReview.HEADER, false);
					for (CreditReview.Row row : rows) {
						csv.writeNext(row.cells(), false);
					}
					csv.flush();
				});
				jdbc.batchUpdate(
						"""
								INSERT INTO application.credit_review_listing (application_id, first_listed_on) VALUES (?, ?)
								ON CONFLICT (application_id) DO UPDATE
								SET first_listed_on = least(application.credit_review_listing.first_listed_on, excluded.first_listed_on)
								""",
						rows.stream()
							.map(r -> new Object[] { r.applicant().applicationId(), r.firstListedOn() })
							.toList());
				long high = rows.stream().filter(CreditReview.Row::high).count();
				var notListed = named.queryForMap(
						"""
								SELECT count(*) FILTER (WHERE ekyc_status = 'FAILED') AS failed,
								       count(*) FILTER (WHERE ekyc_status = 'PENDING') AS pending
								FROM application.application
								WHERE status = 'PENDING_REVIEW' AND (applied_at AT TIME ZONE 'Asia/Tokyo')::date <= :business_date
								""",
						day);
				contribution.setExitStatus(new ExitStatus("COMPLETED",
						"listed " + rows.size() + " (HIGH " + high + "); not listed: eKYC FAILED "
								+ notListed.get("failed") + ", eKYC PENDING " + notListed.get("pending")
								+ "; written to " + target));
				return RepeatStatus.FINISHED;
			}, transactionManager)
			.listener((StepExecutionListener) progress)
			.build();
		return new JobBuilder("build-credit-review-list", jobRepository).listener(progress).start(build).build();
	}

}
