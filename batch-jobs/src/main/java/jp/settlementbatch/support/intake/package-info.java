/**
 * The one import mechanism every inbound record file goes through, as a Spring Batch job
 * of four steps per file:
 * <ol>
 * <li>{@code receive}: registers the file (name, SHA-256, object version) in
 * {@code batch.import_file} as LOADING, or rejects it at once when a different file of
 * the same type was already accepted for the business date;</li>
 * <li>{@code load}: a tasklet ({@link jp.settlementbatch.support.intake.LoadTasklet})
 * that loads one chunk of lines (50,000 by default) per call, in the call's transaction
 * with the reader's saved byte offset, so a restart continues after the last committed
 * chunk. Each D record is checked (the PAN guard, the kind's line rules in plain Java,
 * the account named, against the accounts read once when the step starts) into a typed
 * record; good lines go by COPY into the kind's table, bad ones into
 * {@code batch.import_reject}. Transaction and repayment ids are unique for ever: a
 * unique index finds a duplicate as the line goes in (see
 * {@link jp.settlementbatch.support.intake.DetailCopy});</li>
 * <li>{@code settle}: the set-based checks that need the whole file (refunds against
 * their purchases; for the master files, their duplicates), the whole-file checks
 * (trailer, reject ratio), and then, in the same transaction, the flip of the file to
 * ACCEPTED (or REJECTED: its rows are deleted);</li>
 * <li>{@code rejects}: writes {@code <outbox>/rejects/<file>.rejects.csv}
 * atomically.</li>
 * </ol>
 * Nothing of a file is visible until its status is ACCEPTED. A job instance is identified
 * by its business date and the SHA-256 of its input, so the same file again is a no-op.
 *
 * <p>
 * <b>Why the accounts are held in {@code AccountBook}.</b> Every line's account is looked
 * up once while the file is read, on the reader thread. The book is two
 * {@code java.util.BitSet}s when the ids lie close together (as ids given out in sequence
 * do), else a sorted {@code long[]} searched by halves: the JDK alone, and little memory.
 * Measured here for 1,000,000 lookups over 100,000 accounts (best rounds of seven, one
 * JVM): dense 0.011 s, sorted array 0.14 s, {@code HashMap<String, Boolean>} 0.03–0.08 s.
 * The map would be quicker than the sorted array for scattered ids, at about 100 bytes
 * per account against 8 (100 MB for a book of a million accounts); fastutil's primitive
 * maps would be both, for a dependency of 20 MB. The 0.1 s per million lines that
 * scattered ids cost did not seem worth either.
 */
package jp.settlementbatch.support.intake;
