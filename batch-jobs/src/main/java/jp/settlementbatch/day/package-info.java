/**
 * The day as operators and the state machine see it: the jobs of the daily workflow in
 * order ({@link jp.settlementbatch.day.DailyWorkflow}, read from the {@code jobs.json}
 * the state machines are generated from), which dates are run dates and which files are
 * expected on each ({@link jp.settlementbatch.day.Dates}), the run of one date and the
 * late files it takes in first ({@link jp.settlementbatch.day.DayRun},
 * {@link jp.settlementbatch.day.Inbox}, {@link jp.settlementbatch.day.TakenIn}), and the
 * file manifest and report of a date ({@link jp.settlementbatch.day.Manifest},
 * {@link jp.settlementbatch.day.DayReport}).
 *
 * <p>
 * Decisions where the spec is silent: a file counts as taken in once an import decided on
 * it and it has kept its name and size; the first date of the ledger is the earliest
 * accepted business date, and files dated before it are listed for an operator, never
 * taken in by themselves; files are found by listing the inbox, never by reading them, so
 * the {@code files} task needs no read access.
 */
package jp.settlementbatch.day;
