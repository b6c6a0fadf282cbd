/**
 * What every ledger job shares: an account's {@link jp.settlementbatch.ledger.Position}
 * and its money moves, the account as loaded and saved with a job's watermark
 * ({@link jp.settlementbatch.ledger.LedgerAccount}), the journal
 * ({@link jp.settlementbatch.ledger.Journal}), the partition of a run, the streaming
 * reader and chunk step over accounts ({@link jp.settlementbatch.ledger.AccountWork},
 * built into a job by {@link jp.settlementbatch.ledger.LedgerJobs}), and the invariant
 * check of each chunk's accounts and of the whole day
 * ({@link jp.settlementbatch.ledger.LedgerCheck}). The jobs themselves live with their
 * rules: {@code statement}, {@code repayment}, {@code interest}.
 */
package jp.settlementbatch.ledger;
