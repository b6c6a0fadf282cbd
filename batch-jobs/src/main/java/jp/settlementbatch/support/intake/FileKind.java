package jp.settlementbatch.support.intake;

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
 * @param settleSql set-based checks run before the file is decided (may be empty):
 * statements that set {@code reject_reason} on the file's rows ({@code DUPLICATE} for an
 * identical detail already taken in), with {@code :file_id} and {@code :business_date}
 * @param publishSql statements run in the transaction that accepts the file (may be
 * empty)
 */
public record FileKind(String fileType, String slug, int fieldCount, int moneyField, String table, String columns,
		DetailRule rule, String settleSql, String publishSql) {

}
