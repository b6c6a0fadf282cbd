/**
 * {@code settlement-batch console}: a read-only web view of the job repository and the
 * day reports, on 127.0.0.1 only. It answers GET alone, its database session is read-only
 * ({@code default_transaction_read_only}), and where an action is needed it shows the
 * command to run rather than a button. Pages: the run dates, a day (the same page as
 * {@code reports/daily_D.html}), a job execution with its steps and execution contexts,
 * and the stragglers (executions still running or dead, and failed ones not yet resumed).
 * Served by the JDK's own HTTP server: no web framework is added for four pages.
 */
package jp.settlementbatch.console;
