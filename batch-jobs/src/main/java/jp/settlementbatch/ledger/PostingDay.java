package jp.settlementbatch.ledger;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a posting job posts on its business date, narrow and in posting order: the lines
 * of the files claimed for the date, those released that day from waiting for their
 * account, and those an account held by the job still has to post since its hold. The
 * terms and balances are not joined: they are read per chunk, as the job writes them.
 *
 * @param table the lines' table
 * @param fileType their files' type in {@code batch.import_file}
 * @param job the posting job (its holds)
 * @param watermark its {@code card.balance} column
 * @param columns what the job reads of a line, after its account
 * @param order the lines' order within an account and a posting date (these columns are
 * read too)
 */
public record PostingDay(String table, String fileType, String job, String watermark, String columns, String order) {

	/** The query; its parameters are {@link #parameters}. */
	public String sql() {
		String read = "x.account_id, %s, " + prefixed(sortKeys() + ", " + this.columns);
		return """
				SELECT account_id, %2$s FROM (
				%3$s
				FROM batch.import_file f
				JOIN %1$s x ON x.file_id = f.file_id AND x.reject_reason IS NULL
				     AND x.pending_since IS NULL AND x.released_on IS NULL
				WHERE f.file_type = '%4$s' AND f.status = 'ACCEPTED' AND f.posted_on = ? AND %7$s
				UNION ALL
				%8$s
				FROM %1$s x
				WHERE x.released_on = ? AND x.reject_reason IS NULL AND %7$s
				UNION ALL
				%3$s
				FROM card.held_account h
				LEFT JOIN card.balance b ON b.account_id = h.account_id
				JOIN batch.import_file f ON f.file_type = '%4$s' AND f.status = 'ACCEPTED'
				     AND f.posted_on >= h.held_since AND f.posted_on < ?
				     AND f.posted_on > coalesce(b.%5$s, DATE '1900-01-01')
				JOIN %1$s x ON x.file_id = f.file_id AND x.account_id = h.account_id
				     AND x.reject_reason IS NULL AND x.pending_since IS NULL AND x.released_on IS NULL
				WHERE h.job = '%6$s' AND h.released_on IS NULL AND %7$s
				) day
				ORDER BY account_id COLLATE "C", posted_on, %9$s
				""".formatted(this.table, this.columns, "SELECT " + read.formatted("f.posted_on"), this.fileType,
				this.watermark, this.job, Partition.condition("x.account_id"),
				"SELECT " + read.formatted("x.released_on"), this.order);
	}

	/**
	 * The query's parameters: the date and the partition, for each of its three parts.
	 */
	public static Object[] parameters(LocalDate businessDate, Partition partition) {
		Object[] p = partition.parameters();
		return new Object[] { businessDate, p[0], p[1], p[2], businessDate, p[0], p[1], p[2], businessDate, p[0], p[1],
				p[2] };
	}

	/** The order's columns, without their collations. */
	private String sortKeys() {
		return Arrays.stream(this.order.split(","))
			.map(key -> key.strip().split(" ")[0])
			.collect(Collectors.joining(", "));
	}

	/** Each column once, of {@code x}. */
	private static String prefixed(String columns) {
		return Arrays.stream(columns.split(","))
			.map(String::strip)
			.distinct()
			.map(c -> "x." + c)
			.collect(Collectors.joining(", "));
	}

}
