package jp.settlementbatch.support.intake;

import java.util.List;

/**
 * One kind of inbound record file and where its lines go.
 *
 * @param fileType the type in {@code batch.import_file}
 * @param slug short name used in step names and parameters
 * @param fieldCount number of fields of a D record, including the record type
 * @param moneyField index of the money column summed into the trailer's amount_total, or
 * -1
 * @param table the table the lines are loaded into (with file_id, line_number first)
 * @param columns its other columns, in the order the rule returns them
 * @param rule the line rules
 * @param uniqueKey the column that is unique for ever across files (a unique index of the
 * table), checked while loading: a line whose key is already taken in is a duplicate when
 * its content is the same, otherwise DUPLICATE_TRANSACTION; null when the settle
 * statements deal with duplicates
 * @param accounts which accounts the {@code account_id} column may name, checked while
 * loading
 * @param settleSql set-based checks run before the file is decided (may be empty):
 * statements that set {@code reject_reason} on the file's rows ({@code DUPLICATE} for an
 * identical detail already taken in), with {@code :file_id} and {@code :business_date}
 * @param publishSql statements run in the transaction that accepts the file (may be
 * empty)
 */
public record FileKind(String fileType, String slug, int fieldCount, int moneyField, String table, String columns,
		DetailRule rule, String uniqueKey, Accounts accounts, String settleSql, String publishSql) {

	/**
	 * A kind whose duplicates and references are all checked by its settle statements.
	 */
	public FileKind(String fileType, String slug, int fieldCount, int moneyField, String table, String columns,
			DetailRule rule, String settleSql, String publishSql) {
		this(fileType, slug, fieldCount, moneyField, table, columns, rule, null, Accounts.ANY, settleSql, publishSql);
	}

	/** The accounts a line may name. */
	public enum Accounts {

		/** Not checked while loading. */
		ANY,
		/** The account must exist (else UNKNOWN_ACCOUNT); closed accounts are fine. */
		EXISTING,
		/** The account must exist and not be closed (else ACCOUNT_CLOSED). */
		OPEN

	}

	/** The names in {@link #columns()}, in order. */
	List<String> columnNames() {
		return List.of(this.columns.split(",\\s*"));
	}

	/** Position of a column in {@link #columns()}, or -1. */
	int columnIndex(String column) {
		return columnNames().indexOf(column);
	}

}
