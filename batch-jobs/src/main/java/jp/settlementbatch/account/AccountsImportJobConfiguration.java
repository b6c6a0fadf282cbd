package jp.settlementbatch.account;

import jp.settlementbatch.support.db.SqlScript;
import jp.settlementbatch.support.intake.FileKind;
import jp.settlementbatch.support.intake.IntakeInput;
import jp.settlementbatch.support.intake.IntakeJobs;
import jp.settlementbatch.support.intake.IntakeSteps;

import org.springframework.batch.core.job.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code import-accounts}: the day's card master changes, upserted into
 * {@code card.account}. Each line becomes an {@link AccountLine}; duplicates within the
 * file are found by {@code settle-accounts.sql}, and {@code publish-accounts.sql} applies
 * the accepted changes.
 */
@Configuration(proxyBeanMethods = false)
class AccountsImportJobConfiguration {

	static final FileKind ACCOUNTS = FileKind.named("ACCOUNTS", "accounts")
		.lines(12, AccountLine.class, AccountLine::check)
		.moneyField(6)
		.into("card.account_change")
		.settle(SqlScript.load(AccountsImportJobConfiguration.class, "settle-accounts.sql"))
		.publish(SqlScript.load(AccountsImportJobConfiguration.class, "publish-accounts.sql"))
		.build();

	@Bean
	Job importAccountsJob(IntakeJobs intake) {
		IntakeSteps accounts = intake.steps(ACCOUNTS, IntakeInput.INPUT);
		// the file's steps in order, then the job's verdict
		return intake.job("import-accounts", accounts.receive(), accounts.load(), accounts.settle(), accounts.rejects(),
				intake.verdict());
	}

}
