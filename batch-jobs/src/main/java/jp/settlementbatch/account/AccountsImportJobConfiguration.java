package jp.settlementbatch.account;

import jp.settlementbatch.support.db.SqlScript;
import jp.settlementbatch.support.intake.FileKind;
import jp.settlementbatch.support.intake.IntakeJobs;

import org.springframework.batch.core.job.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code import-accounts}: the day's card master changes, upserted into
 * {@code card.account}.
 */
@Configuration(proxyBeanMethods = false)
class AccountsImportJobConfiguration {

	static final FileKind ACCOUNTS = new FileKind("ACCOUNTS", "accounts", 12, 6, "card.account_change",
			AccountLine.COLUMNS, new AccountLine(),
			SqlScript.load(AccountsImportJobConfiguration.class, "settle-accounts.sql"),
			SqlScript.load(AccountsImportJobConfiguration.class, "publish-accounts.sql"));

	@Bean
	Job importAccountsJob(IntakeJobs intake) {
		return intake.job("import-accounts", new IntakeJobs.Part(ACCOUNTS, "input"));
	}

}
