package jp.settlementbatch.repayment;

import jp.settlementbatch.support.intake.FileKind;
import jp.settlementbatch.support.intake.IntakeJobs;

import org.springframework.batch.core.job.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code import-repayments}: the ATM repayment file into {@code repayment.repayment}. */
@Configuration(proxyBeanMethods = false)
class RepaymentsImportJobConfiguration {

	static final FileKind REPAYMENTS = new FileKind("REPAYMENTS", "repayments", 7, 3, "repayment.repayment",
			RepaymentLine.COLUMNS, new RepaymentLine(), "repayment_id", FileKind.Accounts.EXISTING, "", "");

	@Bean
	Job importRepaymentsJob(IntakeJobs intake) {
		return intake.job("import-repayments", new IntakeJobs.Part(REPAYMENTS, "input"));
	}

}
