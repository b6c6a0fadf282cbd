package jp.settlementbatch.repayment;

import jp.settlementbatch.support.intake.FileKind;
import jp.settlementbatch.support.intake.IntakeInput;
import jp.settlementbatch.support.intake.IntakeJobs;
import jp.settlementbatch.support.intake.IntakeSteps;

import org.springframework.batch.core.job.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code import-repayments}: the ATM repayment file into {@code repayment.repayment}.
 * Each line becomes a {@link RepaymentLine}; a repayment id is unique for ever, and the
 * account named must exist (a closed account may still repay).
 */
@Configuration(proxyBeanMethods = false)
class RepaymentsImportJobConfiguration {

	static final FileKind REPAYMENTS = FileKind.named("REPAYMENTS", "repayments")
		.lines(7, RepaymentLine.class, RepaymentLine::check)
		.moneyField(3)
		.into("repayment.repayment")
		.uniqueKey("repayment_id")
		.accounts(FileKind.Accounts.EXISTING)
		.build();

	@Bean
	Job importRepaymentsJob(IntakeJobs intake) {
		IntakeSteps repayments = intake.steps(REPAYMENTS, IntakeInput.INPUT);
		// the file's steps in order, then the job's verdict
		return intake.job("import-repayments", repayments.receive(), repayments.load(), repayments.settle(),
				repayments.rejects(), intake.verdict());
	}

}
