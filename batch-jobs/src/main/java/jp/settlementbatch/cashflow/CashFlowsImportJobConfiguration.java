package jp.settlementbatch.cashflow;

import jp.settlementbatch.support.db.SqlScript;
import jp.settlementbatch.support.intake.FileKind;
import jp.settlementbatch.support.intake.IntakeInput;
import jp.settlementbatch.support.intake.IntakeJobs;
import jp.settlementbatch.support.intake.IntakeSteps;

import org.springframework.batch.core.job.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code import-cash-flows}: the processor's daily cash-flow file into
 * {@code payment.cash_flow}. Each line becomes a {@link CashFlowLine}; a transaction id
 * is unique for ever, and the account named must be open. Refunds are checked against
 * their purchases in {@code settle-cash-flows.sql}.
 */
@Configuration(proxyBeanMethods = false)
class CashFlowsImportJobConfiguration {

	static final FileKind CASH_FLOWS = FileKind.named("CASH_FLOWS", "cash-flows")
		.lines(11, CashFlowLine.class, CashFlowLine::check)
		.moneyField(4)
		.into("payment.cash_flow")
		.uniqueKey("transaction_id")
		.accounts(FileKind.Accounts.OPEN)
		.settle(SqlScript.load(CashFlowsImportJobConfiguration.class, "settle-cash-flows.sql"))
		.build();

	@Bean
	Job importCashFlowsJob(IntakeJobs intake) {
		IntakeSteps cashFlows = intake.steps(CASH_FLOWS, IntakeInput.INPUT);
		// the file's steps in order, then the job's verdict
		return intake.job("import-cash-flows", cashFlows.receive(), cashFlows.load(), cashFlows.settle(),
				cashFlows.rejects(), intake.verdict());
	}

}
