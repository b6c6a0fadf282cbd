/**
 * The one import mechanism every inbound record file goes through, as a Spring Batch job
 * of four steps per file:
 * <ol>
 * <li>{@code receive}: registers the file (name, SHA-256, object version) in
 * {@code batch.import_file} as LOADING, or rejects it at once when a different file of
 * the same type was already accepted for the business date;</li>
 * <li>{@code load}: a chunked step (50,000 lines to a chunk, in blocks of up to 256 lines
 * as its items; the lines are what it counts) that streams the D records, applies the
 * line rules of the file kind (plain Java: field checks, PAN guard, and the account
 * named, against the accounts read once when the step starts) and COPYs good lines into
 * the kind's table and bad ones into {@code batch.import_reject}, in the chunk's
 * transaction with the reader's saved position, so a restart continues after the last
 * committed chunk. Transaction and repayment ids are unique for ever: a unique index
 * finds a duplicate as the line goes in (see
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
 */
package jp.settlementbatch.support.intake;
