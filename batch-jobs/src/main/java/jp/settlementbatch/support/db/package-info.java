/**
 * Database plumbing shared by every job: the embedded PostgreSQL that is the default for
 * the CLI and the tests, COPY (the way files are loaded), and the SQL scripts of the
 * imports.
 *
 * <p>
 * <b>Why {@code PgCopy} encodes rows itself.</b> The transport is the driver's own
 * {@code CopyManager} ({@code CopyIn} on the transaction's connection, so rows and job
 * metadata commit together); what is ours is the encoding of a row into PostgreSQL's text
 * or binary COPY format, about 300 lines with their tests. Binary rows spare the server
 * parsing numbers, dates and timestamps, which measured 0.2–0.4 s less server time per
 * million cash flows, and they are encoded on the reader thread, ahead of the COPY, so
 * the thread that feeds the COPY only copies bytes. {@code de.bytefish:pgbulkinsert}
 * writes the same binary format, but from getter functions on the writing thread, with
 * every value boxed and no text fallback for a value with no exact binary form; it is not
 * served by this machine's registry, so it was not measured. Text COPY through the driver
 * alone would need the rows formatted as CSV, which is what the benchmark's floor does
 * with {@code psql}.
 *
 * <p>
 * <b>Why the import scripts are split by our own rule, not {@code ScriptUtils}.</b> Each
 * statement of an import's SQL ends with {@code ;} at a line end, and runs with the named
 * parameters {@code :file_id} and {@code :business_date}. Spring's {@code ScriptUtils}
 * executes a script without binding named parameters, and its splitter is not public in
 * Spring Framework 7.
 */
package jp.settlementbatch.support.db;
