package jp.settlementbatch.creditreview;

import jp.settlementbatch.support.db.SqlScript;
import jp.settlementbatch.support.intake.FileKind;
import jp.settlementbatch.support.intake.IntakeJobs;

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

	static final FileKind WATCHLIST = new FileKind("WATCHLIST", "watchlist", 6, -1, "application.watchlist_entry",
			WatchlistLine.COLUMNS, new WatchlistLine(),
			SqlScript.load(ApplicationsImportJobConfiguration.class, "settle-watchlist.sql"), "");

	static final FileKind APPLICATIONS = new FileKind("APPLICATIONS", "applications", 19, 12,
			"application.application_change", ApplicationLine.COLUMNS, new ApplicationLine(),
			SqlScript.load(ApplicationsImportJobConfiguration.class, "settle-applications.sql"),
			SqlScript.load(ApplicationsImportJobConfiguration.class, "publish-applications.sql"));

	@Bean
	Job importApplicationsJob(IntakeJobs intake) {
		return intake.job("import-applications", new IntakeJobs.Part(WATCHLIST, "watchlist"),
				new IntakeJobs.Part(APPLICATIONS, "input"));
	}

}
