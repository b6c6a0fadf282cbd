/**
 * Reading the record files of files.md: a restartable reader that streams a file from a
 * saved byte offset, splits logical records into fields, checks the header and trailer,
 * and the PAN guard that masks card numbers before any line is stored or logged.
 *
 * <p>
 * <b>Why a splitter of our own beside OpenCSV.</b> {@code LineSource} splits a plain line
 * (no quote, NUL or bad UTF-8) straight from its bytes, finding the line feed eight bytes
 * at a time; every other line goes through OpenCSV's parser, which also joins quoted
 * fields that run over several lines. Measured here on the benchmark's 1,000,000-line
 * cash-flow file (118 MB, read from memory, best rounds of seven in one JVM): our
 * splitter 0.32–0.46 s, {@code BufferedReader} and OpenCSV's {@code CSVParser} 0.95–1.30
 * s, with the same 11,000,008 fields. The difference, 0.6–0.8 s of CPU per million lines,
 * is taken from the same two cores PostgreSQL needs for the COPY, so OpenCSV alone would
 * cost the import about a tenth more. {@code LineSource} is 300 lines, with its own tests
 * ({@code RecordFileReaderTests}, {@code LineSourceTests}).
 */
package jp.settlementbatch.support.csv;
