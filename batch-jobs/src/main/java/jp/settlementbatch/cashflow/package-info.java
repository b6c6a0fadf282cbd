/**
 * Cash flows from the payment processor (purchases, refunds, cash advances, fees):
 * {@code import-cash-flows} loads the day's file into {@code payment.cash_flow}; the rows
 * are visible (view {@code report.cash_flow}) only once the file is ACCEPTED. Beyond the
 * line rules, the set-based checks reject unknown and closed accounts, a transaction id
 * taken in before with other content, and refunds without their purchase or beyond it
 * (refunds of one purchase are taken in line order; one that would exceed the purchase is
 * rejected, later smaller ones may still fit).
 */
package jp.settlementbatch.cashflow;
