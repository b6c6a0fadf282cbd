/**
 * Repayments from the convenience-store ATM system: {@code import-repayments} loads the
 * day's file into {@code repayment.repayment}, visible (view {@code report.repayment})
 * once ACCEPTED. Repayments to a CLOSED account are taken in on purpose: a closed account
 * can still owe money, and refusing the member's payment would help no one. Unknown
 * accounts are rejected.
 */
package jp.settlementbatch.repayment;
