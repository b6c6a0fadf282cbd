package jp.settlementbatch.support.intake;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One kind of inbound record file and where its lines go, built by name:
 *
 * <pre>{@code
 * FileKind.named("CASH_FLOWS", "cash-flows")
 *     .lines(11, CashFlowLine.class, CashFlowLine::check)
 *     .moneyField(4)
 *     .into("payment.cash_flow")
 *     .uniqueKey("transaction_id")
 *     .accounts(Accounts.OPEN)
 *     .settle(sql)
 *     .build();
 * }</pre>
 *
 * A line that passes its rules becomes one typed record; the record's components, in
 * order and in snake case, are the table's columns after {@code file_id} and
 * {@code line_number}.
 */
public final class FileKind {

	/** The accounts a line may name. */
	public enum Accounts {

		/** Not checked while loading. */
		ANY,
		/** The account must exist (else UNKNOWN_ACCOUNT); closed accounts are fine. */
		EXISTING,
		/** The account must exist and not be closed (else ACCOUNT_CLOSED). */
		OPEN

	}

	private final String fileType;

	private final String slug;

	private final int fieldCount;

	private final int moneyField;

	private final String table;

	private final DetailRule<?> rule;

	private final List<String> columns;

	private final MethodHandle[] accessors;

	private final String uniqueKey;

	private final Accounts accounts;

	private final String settleSql;

	private final String publishSql;

	private FileKind(Builder builder) {
		this.fileType = builder.fileType;
		this.slug = builder.slug;
		this.fieldCount = builder.fieldCount;
		this.moneyField = builder.moneyField;
		this.table = Objects.requireNonNull(builder.table, "into(table)");
		this.rule = Objects.requireNonNull(builder.rule, "lines(...)");
		this.uniqueKey = builder.uniqueKey;
		this.accounts = builder.accounts;
		this.settleSql = builder.settleSql;
		this.publishSql = builder.publishSql;
		RecordComponent[] components = builder.type.getRecordComponents();
		this.columns = new ArrayList<>(components.length);
		this.accessors = new MethodHandle[components.length];
		for (int i = 0; i < components.length; i++) {
			this.columns.add(snakeCase(components[i].getName()));
			this.accessors[i] = accessor(builder.type, components[i]);
		}
		if (this.accounts != Accounts.ANY && !this.columns.contains("account_id")) {
			throw new IllegalArgumentException(this.fileType + " checks accounts: its lines need an account_id");
		}
	}

	/** A kind by its type in {@code batch.import_file} and its short name in steps. */
	public static Builder named(String fileType, String slug) {
		return new Builder(fileType, slug);
	}

	/** The type in {@code batch.import_file}. */
	public String fileType() {
		return this.fileType;
	}

	/** Short name used in step names. */
	String slug() {
		return this.slug;
	}

	/** Number of fields of a D record, including the record type. */
	int fieldCount() {
		return this.fieldCount;
	}

	/** Index of the field summed into the trailer's amount_total, or -1. */
	int moneyField() {
		return this.moneyField;
	}

	/** The table the lines are loaded into (with file_id, line_number first). */
	String table() {
		return this.table;
	}

	/** The table's other columns, in the order of the line record's components. */
	List<String> columnNames() {
		return this.columns;
	}

	/** The columns, comma separated. */
	String columns() {
		return String.join(", ", this.columns);
	}

	/** Position of a column in {@link #columnNames()}, or -1. */
	int columnIndex(String column) {
		return this.columns.indexOf(column);
	}

	/**
	 * The column unique for ever across files (a unique index), checked while loading, or
	 * null when the settle statements deal with duplicates.
	 */
	String uniqueKey() {
		return this.uniqueKey;
	}

	Accounts accounts() {
		return this.accounts;
	}

	/**
	 * Set-based checks run before the file is decided (may be empty): statements that set
	 * {@code reject_reason} on the file's rows, with {@code :file_id} and
	 * {@code :business_date}.
	 */
	String settleSql() {
		return this.settleSql;
	}

	/** Statements run in the transaction that accepts the file (may be empty). */
	String publishSql() {
		return this.publishSql;
	}

	/** The line rules applied to the fields of one D record. */
	Record check(String[] fields, LocalDate businessDate) throws LineRejected {
		return this.rule.check(fields, businessDate);
	}

	/** The column values of a line's record, in column order. */
	Object[] values(Record line) {
		Object[] values = new Object[this.accessors.length];
		try {
			for (int i = 0; i < values.length; i++) {
				values[i] = this.accessors[i].invokeExact(line);
			}
		}
		catch (Throwable ex) {
			throw new IllegalStateException("Cannot read a " + this.fileType + " line", ex);
		}
		return values;
	}

	private static MethodHandle accessor(Class<?> type, RecordComponent component) {
		try {
			var method = component.getAccessor();
			method.setAccessible(true);
			return MethodHandles.lookup().unreflect(method).asType(MethodType.methodType(Object.class, Record.class));
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException("Cannot read " + type.getName() + "." + component.getName(), ex);
		}
	}

	static String snakeCase(String name) {
		StringBuilder snake = new StringBuilder(name.length() + 4);
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (Character.isUpperCase(c)) {
				snake.append('_').append(Character.toLowerCase(c));
			}
			else {
				snake.append(c);
			}
		}
		return snake.toString();
	}

	/** Builds a {@link FileKind}; every part but the lines and the table is optional. */
	public static final class Builder {

		private final String fileType;

		private final String slug;

		private int fieldCount;

		private Class<? extends Record> type;

		private DetailRule<?> rule;

		private int moneyField = -1;

		private String table;

		private String uniqueKey;

		private Accounts accounts = Accounts.ANY;

		private String settleSql = "";

		private String publishSql = "";

		private Builder(String fileType, String slug) {
			this.fileType = fileType;
			this.slug = slug;
		}

		/**
		 * D records of {@code fieldCount} fields (the record type included), turned into
		 * a {@code type} by {@code rule}.
		 */
		public <R extends Record> Builder lines(int fieldCount, Class<R> type, DetailRule<R> rule) {
			this.fieldCount = fieldCount;
			this.type = type;
			this.rule = rule;
			return this;
		}

		/** The field summed into the trailer's amount_total. */
		public Builder moneyField(int index) {
			this.moneyField = index;
			return this;
		}

		public Builder into(String table) {
			this.table = table;
			return this;
		}

		/**
		 * A column unique for ever across files: a line whose key is already taken in is
		 * a duplicate when its content is the same, otherwise DUPLICATE_TRANSACTION.
		 */
		public Builder uniqueKey(String column) {
			this.uniqueKey = column;
			return this;
		}

		/** Which accounts the {@code account_id} column may name. */
		public Builder accounts(Accounts accounts) {
			this.accounts = accounts;
			return this;
		}

		public Builder settle(String sql) {
			this.settleSql = sql;
			return this;
		}

		public Builder publish(String sql) {
			this.publishSql = sql;
			return this;
		}

		public FileKind build() {
			return new FileKind(this);
		}

	}

}
