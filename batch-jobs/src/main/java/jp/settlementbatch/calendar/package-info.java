/**
 * The business-day calendar: {@code import-calendar} replaces {@code card.public_holiday}
 * with the Cabinet Office's holiday list (Shift_JIS CSV, no business date of its own, so
 * it is exempt from the one-file-per-day rule). Used for due dates that fall on a
 * holiday.
 */
package jp.settlementbatch.calendar;
