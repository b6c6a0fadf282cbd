package jp.settlementbatch.support.intake;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.settlementbatch.support.csv.FileRejection;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The register of inbound files, {@code batch.import_file}. */
public class ImportFiles {

	/** A registered file. */
	public record ImportFile(long fileId, String fileName, String fileType, LocalDate businessDate, String sha256,
			FileStatus status, String rejectReason, Integer detailCount, Integer acceptedCount, Integer rejectedCount,
			Integer duplicateCount, Integer pendingCount) {

		public boolean loading() {
			return this.status == FileStatus.LOADING;
		}

	}

	private static final String SELECT = """
			SELECT file_id, file_name, file_type, business_date, sha256, status, reject_reason,
			       detail_count, accepted_count, rejected_count, duplicate_count, pending_count
			FROM batch.import_file
			""";

	private final JdbcClient jdbc;

	public ImportFiles(JdbcTemplate jdbcTemplate) {
		this.jdbc = JdbcClient.create(jdbcTemplate);
	}

	public Optional<ImportFile> ofJobInstance(long jobInstanceId, String fileType) {
		return this.jdbc.sql(SELECT + " WHERE job_instance_id = ? AND file_type = ? ORDER BY file_id DESC LIMIT 1")
			.params(jobInstanceId, fileType)
			.query(ImportFile.class)
			.optional();
	}

	public List<ImportFile> ofJobInstance(long jobInstanceId) {
		return this.jdbc.sql(SELECT + " WHERE job_instance_id = ? ORDER BY file_id")
			.param(jobInstanceId)
			.query(ImportFile.class)
			.list();
	}

	/** The latest decision on a file of this name and date. */
	public Optional<ImportFile> latest(String fileName, LocalDate businessDate) {
		return this.jdbc.sql(SELECT + " WHERE file_name = ? AND business_date = ? ORDER BY file_id DESC LIMIT 1")
			.params(fileName, businessDate)
			.query(ImportFile.class)
			.optional();
	}

	public Optional<ImportFile> accepted(String fileType, LocalDate businessDate) {
		return this.jdbc.sql(SELECT + " WHERE file_type = ? AND business_date = ? AND status = 'ACCEPTED'")
			.params(fileType, businessDate)
			.query(ImportFile.class)
			.optional();
	}

	/**
	 * Serializes the decisions on files of one type and business date
	 * (transaction-scoped).
	 */
	public void lockDay(String fileType, LocalDate businessDate) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")
			.param("import_file:" + fileType + ":" + businessDate)
			.query()
			.singleValue();
	}

	public long register(String fileName, String fileType, LocalDate businessDate, LocalDate runDate, String sha256,
			long size, String sourceUri, String sourceVersion, long jobInstanceId) {
		return this.jdbc.sql("""
				INSERT INTO batch.import_file (file_name, file_type, business_date, taken_in_on, sha256, size_bytes,
				                               source_uri, source_version, status, job_instance_id)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'LOADING', ?)
				RETURNING file_id
				""")
			.params(fileName, fileType, businessDate, runDate, sha256, size, sourceUri, sourceVersion, jobInstanceId)
			.query(Long.class)
			.single();
	}

	/**
	 * The same bytes as a file already accepted for the day, brought again by a new
	 * import (after an operator re-opened or abandoned an earlier one): nothing to take
	 * in.
	 */
	public void duplicate(long fileId) {
		this.jdbc.sql("""
				UPDATE batch.import_file
				SET status = 'DUPLICATE', detail_count = 0, accepted_count = 0, rejected_count = 0,
				    duplicate_count = 0, pending_count = 0, decided_at = now()
				WHERE file_id = ?
				""").param(fileId).update();
	}

	public void reject(long fileId, FileRejection reason, long details, long rejected, long duplicates,
			java.math.BigInteger amountTotal) {
		this.jdbc.sql("""
				UPDATE batch.import_file
				SET status = 'REJECTED', reject_reason = ?, detail_count = ?, accepted_count = 0,
				    rejected_count = ?, duplicate_count = ?, pending_count = 0, amount_total = ?, decided_at = now()
				WHERE file_id = ?
				""")
			.params(reason.name(), details, rejected, duplicates, new java.math.BigDecimal(amountTotal), fileId)
			.update();
	}

	public void accept(long fileId, long details, long accepted, long rejected, long duplicates, long pending,
			java.math.BigInteger amountTotal, java.math.BigInteger duplicateAmount) {
		this.jdbc.sql("""
				UPDATE batch.import_file
				SET status = 'ACCEPTED', detail_count = ?, accepted_count = ?, rejected_count = ?,
				    duplicate_count = ?, pending_count = ?, amount_total = ?, duplicate_amount = ?, decided_at = now()
				WHERE file_id = ?
				""")
			.params(details, accepted, rejected, duplicates, pending, new java.math.BigDecimal(amountTotal),
					new java.math.BigDecimal(duplicateAmount), fileId)
			.update();
	}

	/**
	 * An operator abandoned the run: its file will not be resumed, and the rows it loaded
	 * are discarded (they would hold its ids from a corrected file).
	 */
	public void abandon(long fileId) {
		this.jdbc.sql("""
				WITH abandoned AS (
					UPDATE batch.import_file SET status = 'ABANDONED', decided_at = now()
					WHERE file_id = ? AND status = 'LOADING' RETURNING file_id)
				SELECT batch.discard_rows(file_id) FROM abandoned
				""").param(fileId).query().listOfRows();
	}

	public long rejectCount(long fileId) {
		return this.jdbc.sql("SELECT count(*) FROM batch.import_reject WHERE file_id = ?")
			.param(fileId)
			.query(Long.class)
			.single();
	}

}
