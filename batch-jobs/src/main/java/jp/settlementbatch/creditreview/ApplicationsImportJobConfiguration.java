package jp.settlementbatch.creditreview;

import jp.settlementbatch.support.db.SqlScript;
import jp.settlementbatch.support.intake.FileKind;
import jp.settlementbatch.support.intake.IntakeInput;
import jp.settlementbatch.support.intake.IntakeJobs;
import jp.settlementbatch.support.intake.IntakeSteps;

import org.springframework.batch.core.job.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code import-applications}: the watch list (when present, a full replacement) and then
 * the applications file of the day. Either may be absent; each file is accepted or
 * rejected on its own, and the job exits 3 when either was rejected.
 */
@Configuration(proxyBeanMethods = false)
class ApplicationsImportJobConfiguration {

	static final FileKind WATCHLIST = FileKind.named("WATCHLIST", "watchlist")
		.lines(6, WatchlistLine.class, WatchlistLine::check)
		.into("application.watchlist_entry")
		.settle(SqlScript.load(ApplicationsImportJobConfiguration.class, "settle-watchlist.sql"))
		.build();

	static final FileKind APPLICATIONS = FileKind.named("APPLICATIONS", "applications")
		.lines(19, ApplicationLine.class, ApplicationLine::check)
		.moneyField(12)
		.into("application.application_change")
		.settle(SqlScript.load(ApplicationsImportJobConfiguration.class, "settle-applications.sql"))
		.publish(SqlScript.load(ApplicationsImportJobConfiguration.class, "publish-applications.sql"))
		.build();

	@Bean
	Job importApplicationsJob(IntakeJobs intake) {
		IntakeSteps watchlist = intake.steps(WATCHLIST, IntakeInput.WATCHLIST);
		IntakeSteps applications = intake.steps(APPLICATIONS, IntakeInput.INPUT);
		// each file's steps in order, then the job's verdict
		return intake.job("import-applications", watchlist.receive(), watchlist.load(), watchlist.settle(),
				watchlist.rejects(), applications.receive(), applications.load(), applications.settle(),
				applications.rejects(), intake.verdict());
	}

}
