package jp.settlementbatch.cashflow;

import jp.settlementbatch.support.db.SqlScript;
import jp.settlementbatch.support.intake.FileKind;
import jp.settlementbatch.support.intake.IntakeJobs;

import org.springframework.batch.core.job.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code import-cash-flows}: the processor's daily cash-flow file into
 * {@code payment.cash_flow}.
 */
@Configuration(proxyBeanMethods = false)
class CashFlowsImportJobConfiguration {

	static final FileKind CASH_FLOWS = new FileKind("CASH_FLOWS", "cash-flows", 11, 4, "payment.cash_flow",
			CashFlowLine.COLUMNS, new CashFlowLine(), "transaction_id", FileKind.Accounts.OPEN,
			SqlScript.load(CashFlowsImportJobConfiguration.class, "settle-cash-flows.sql"), "");

	@Bean
	Job importCashFlowsJob(IntakeJobs intake) {
		return intake.job("import-cash-flows", new IntakeJobs.Part(CASH_FLOWS, "input"));
	}

}
