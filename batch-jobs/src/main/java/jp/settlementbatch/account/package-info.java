/**
 * The card master: {@code import-accounts} takes the day's account changes (upsert by
 * account_id) into {@code card.account} when the file is accepted. Rates above the legal
 * caps are rejected line by line ({@code INTEREST_RATE_CAP_EXCEEDED}). A line identical
 * to the account as it stands is a duplicate, skipped; two different lines for one
 * account in one file reject the later one ({@code DUPLICATE_TRANSACTION}).
 */
package jp.settlementbatch.account;
