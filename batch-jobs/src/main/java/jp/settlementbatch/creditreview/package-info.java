/**
 * Credit applications and the watch list, for the credit officers' review list.
 * {@code import-applications} takes the watch list first (the entries of the latest
 * accepted file are the list in force: view {@code application.current_watchlist}) and
 * then the applications of the day, upserted by application_id into
 * {@code application.application} (a later file carries the officers' decisions).
 * Personal data never goes to logs.
 */
package jp.settlementbatch.creditreview;
