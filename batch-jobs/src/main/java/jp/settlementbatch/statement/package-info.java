/**
 * Statements: the cycle calendar ({@link jp.settlementbatch.statement.StatementCycle}:
 * closing dates, cycle start, due dates on the Japanese business-day calendar) and the
 * amount due ({@link jp.settlementbatch.statement.MinimumPayment}), as plain rules for
 * the {@code update-statements} and {@code close-statements} jobs (the ledger, to come).
 */
package jp.settlementbatch.statement;
