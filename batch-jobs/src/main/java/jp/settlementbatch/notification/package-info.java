/**
 * Member notifications: {@code notify-interest} writes
 * {@code notifications/interest_YYYYMMDD.jsonl} for the push-notification service, one
 * line per account that bears interest, has interest accrued in its open cycle or owes an
 * overdue amount, sorted by account_id.
 *
 * <p>
 * The daily workflow runs it once, after the partitioned ledger jobs: it is one ordered,
 * streaming query (about a second per 100,000 accounts), and a single writer gives the
 * sorted file with no merge step and no window in which some parts are missing. With
 * {@code --partition=i/N} it writes that partition's accounts to
 * {@code notifications/interest_YYYYMMDD.part-i-of-N.jsonl}, for books too large for one
 * task; concatenating the parts and sorting by account_id gives the whole file.
 */
package jp.settlementbatch.notification;
