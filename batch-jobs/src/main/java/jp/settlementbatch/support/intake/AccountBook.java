package jp.settlementbatch.support.intake;

import jp.settlementbatch.support.intake.FileKind.Accounts;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The account ids and which of them are closed, read once when a load starts, so each
 * line's account is checked in memory as it is read instead of by a second pass over the
 * loaded rows. Account ids are ten digits: held in an open-addressing table of
 * {@code long}s, about 16 bytes per account (16 MB per million accounts), whatever the
 * size of the file.
 */
final class AccountBook {

	private static final long CLOSED = 1L << 62;

	/** id + 1 (0 marks a free slot), with {@link #CLOSED} set for a closed account. */
	private long[] slots = new long[1 << 12];

	private int size;

	private AccountBook() {
	}

	static AccountBook read(JdbcTemplate jdbc) {
		AccountBook book = new AccountBook();
		jdbc.query("SELECT account_id, status = 'CLOSED' FROM card.account", rs -> {
			long id = parse(rs.getString(1));
			if (id >= 0) { // an id of another shape: no valid line can name it
				book.add(id, rs.getBoolean(2));
			}
		});
		return book;
	}

	/** The reject reason for a line naming {@code accountId}, or null when it may. */
	String rejection(String accountId, Accounts rule) {
		if (rule == Accounts.ANY) {
			return null;
		}
		long id = parse(accountId);
		long slot = id < 0 ? 0 : this.slots[find(this.slots, id)];
		if (slot == 0) {
			return "UNKNOWN_ACCOUNT";
		}
		return rule == Accounts.OPEN && (slot & CLOSED) != 0 ? "ACCOUNT_CLOSED" : null;
	}

	private void add(long id, boolean closed) {
		if (2 * (this.size + 1) > this.slots.length) {
			long[] larger = new long[this.slots.length * 2];
			for (long slot : this.slots) {
				if (slot != 0) {
					larger[find(larger, (slot & ~CLOSED) - 1)] = slot;
				}
			}
			this.slots = larger;
		}
		int at = find(this.slots, id);
		if (this.slots[at] == 0) {
			this.size++;
		}
		this.slots[at] = (id + 1) | (closed ? CLOSED : 0);
	}

	/** The slot of {@code id}, or the free slot where it would go. */
	private static int find(long[] slots, long id) {
		int mask = slots.length - 1;
		int at = Long.hashCode(id * 0x9E3779B97F4A7C15L) & mask;
		while (slots[at] != 0 && ((slots[at] & ~CLOSED) - 1) != id) {
			at = (at + 1) & mask;
		}
		return at;
	}

	private static long parse(String accountId) {
		if (accountId == null || accountId.length() != 10) {
			return -1;
		}
		long value = 0;
		for (int i = 0; i < 10; i++) {
			char c = accountId.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

}
