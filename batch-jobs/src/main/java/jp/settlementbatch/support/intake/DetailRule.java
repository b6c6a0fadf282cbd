package jp.settlementbatch.support.intake;

import java.time.LocalDate;

/**
 * The line rules of one kind of record: turns the fields of a D record (index 0 is "D")
 * into the values of its table's columns, or rejects the line. Plain Java, testable
 * without a database.
 */
@FunctionalInterface
public interface DetailRule {

	Object[] check(String[] fields, LocalDate businessDate) throws LineRejected;

}
