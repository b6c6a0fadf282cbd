package jp.settlementbatch.support.intake;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The repository of {@code batch.file_reopening}: files an operator re-opened
 * ({@code retake}) or whose import an operator abandoned. The next import of the same
 * bytes for that date is a job instance of its own ({@code <input>.reopened}, an
 * identifying parameter), which decides afresh. Who, when and why are kept.
 */
public final class FileReopenings {

	private final JdbcTemplate jdbc;

	public FileReopenings(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** How many times the file of these bytes for this date was re-opened. */
	public long count(String sha256, LocalDate businessDate) {
		return this.jdbc.queryForObject(
				"SELECT count(*) FROM batch.file_reopening WHERE sha256 = ? AND business_date = ?", Long.class, sha256,
				businessDate);
	}

	/** Why a file may not be re-opened, or null when it may. */
	public record Refusal(boolean usage, String message) {

	}

	/**
	 * The whole-file reasons outside a file's own bytes, which a retake may decide again:
	 * the tolerance it was judged by, or another file of its day.
	 */
	private static final Set<String> OUTSIDE_ITS_BYTES = Set.of("REJECT_RATIO_EXCEEDED", "CONFLICTING_FILE");

	/**
	 * An operator re-opens {@code fileName} of {@code businessDate}, rejected as a whole
	 * for a reason outside its bytes: returns why not, or null when it was re-opened.
	 */
	public Refusal retake(ImportFiles files, String fileName, LocalDate businessDate, String reason, String who) {
		Optional<ImportFiles.ImportFile> latest = files.latest(fileName, businessDate);
		if (latest.isEmpty()) {
			return new Refusal(true,
					"No file " + fileName + " of " + businessDate
							+ " was taken in: check the name and the date (settlement-batch files --business-date="
							+ businessDate + ").");
		}
		ImportFiles.ImportFile file = latest.get();
		if (file.status() == FileStatus.ACCEPTED) {
			return new Refusal(false, fileName + " of " + businessDate
					+ " was accepted: there is nothing to take again. A correction is a new file.");
		}
		if (file.status() != FileStatus.REJECTED || !OUTSIDE_ITS_BYTES.contains(file.rejectReason())) {
			return new Refusal(false,
					fileName + " of " + businessDate + " was " + file.status()
							+ (file.rejectReason() == null ? "" : " (" + file.rejectReason() + ")")
							+ ": a retake decides again only on a file rejected for a cause outside its bytes ("
							+ String.join(", ", OUTSIDE_ITS_BYTES) + "). Ask its sender for a corrected file.");
		}
		reopen(file, reason, who);
		return null;
	}

	/** Re-opens an imported file; returns how many times it now was. */
	public long reopen(ImportFiles.ImportFile file, String reason, String who) {
		this.jdbc.update("""
				INSERT INTO batch.file_reopening (sha256, business_date, file_type, file_name, file_id, reason,
				    reopened_by) VALUES (?, ?, ?, ?, ?, ?, ?)""", file.sha256(), file.businessDate(), file.fileType(),
				file.fileName(), file.fileId(), reason, who);
		return count(file.sha256(), file.businessDate());
	}

}
