package jp.settlementbatch.support.intake;

import java.time.LocalDate;

/**
 * The line rules of one kind of record: turns the fields of a D record (index 0 is "D")
 * into the typed record of the line, or rejects the line. Plain Java, testable without a
 * database.
 *
 * @param <R> the record of an accepted line; its components are its table's columns
 */
@FunctionalInterface
public interface DetailRule<R extends Record> {

	R check(String[] fields, LocalDate businessDate) throws LineRejected;

}
