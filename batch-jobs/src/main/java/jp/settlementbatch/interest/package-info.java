/**
 * Interest and late charges: {@link jp.settlementbatch.interest.DailyAccrual} owns the
 * day counts, rates and rounding of ledger.md;
 * {@link jp.settlementbatch.interest.Accruals} decides what an account accrues when
 * {@code accrue-interest} runs (every day since its last accrual, on the principal at
 * that day's start, plus the catch-up of back-valued movements and the late charge of
 * overdue days). {@code close-statements} posts them.
 */
package jp.settlementbatch.interest;
