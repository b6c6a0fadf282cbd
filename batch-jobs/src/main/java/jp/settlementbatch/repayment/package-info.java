/**
 * Repayments from the convenience-store ATM system: {@code import-repayments} loads the
 * day's file into {@code repayment.repayment}, visible (view {@code report.repayment})
 * once ACCEPTED. Repayments to a CLOSED account are taken in on purpose: a closed account
 * can still owe money, and refusing the member's payment would help no one. Unknown
 * accounts are rejected. {@code update-repayments} then applies them to the ledger in the
 * allocation order of ledger.md.
 */
package jp.settlementbatch.repayment;
