/**
 * Interest and late charges: {@link jp.settlementbatch.interest.DailyAccrual} owns the
 * day counts, rates and rounding of ledger.md. The {@code accrue-interest} job (the
 * ledger, to come) writes one accrual per account and day with it;
 * {@code close-statements} posts them.
 */
package jp.settlementbatch.interest;
