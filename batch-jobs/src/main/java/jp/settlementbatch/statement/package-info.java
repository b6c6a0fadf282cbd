/**
 * Statements: {@code update-statements} posts the day's cash flows and
 * {@code close-statements} closes cycles. The rules are plain classes: the cycle calendar
 * ({@link jp.settlementbatch.ledger.StatementCycle}: closing dates, cycle start, due
 * dates on the Japanese business-day calendar), the amount due
 * ({@link jp.settlementbatch.statement.MinimumPayment}) and the close itself
 * ({@link jp.settlementbatch.statement.StatementClose}).
 */
package jp.settlementbatch.statement;
