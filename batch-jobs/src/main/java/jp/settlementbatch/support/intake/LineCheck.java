package jp.settlementbatch.support.intake;

import java.time.LocalDate;

import jp.settlementbatch.support.csv.PanGuard;
import jp.settlementbatch.support.csv.RawLine;
import jp.settlementbatch.support.csv.RecordLine;

/**
 * Applies the PAN guard, the field count, a kind's line rules and its account rule to one
 * detail record; an accepted line's row is encoded for its COPY here, on the thread that
 * reads ahead, while its values are still in the cache.
 */
final class LineCheck {

	private final FileKind kind;

	private final LocalDate businessDate;

	private final AccountBook accounts;

	private final int accountColumn;

	private final DetailCopy.RowEncoder encoder;

	LineCheck(FileKind kind, LocalDate businessDate, AccountBook accounts, DetailCopy.RowEncoder encoder) {
		this.kind = kind;
		this.encoder = encoder;
		this.businessDate = businessDate;
		this.accounts = accounts;
		this.accountColumn = kind.columnIndex("account_id");
		if (kind.accounts() != FileKind.Accounts.ANY && accounts == null) {
			throw new IllegalArgumentException(kind.fileType() + " checks accounts: it needs the accounts read");
		}
	}

	CheckedLine check(RecordLine line) {
		int number = line.lineNumber();
		RawLine raw = line.rawLine();
		if (line.tooLong()) {
			return CheckedLine.rejected(number, "LINE_TOO_LONG", raw, line.amount());
		}
		if (line.malformed() ? raw.containsPan() : PanGuard.containsPan(line.fields())) {
			return CheckedLine.rejected(number, "PAN_DETECTED", raw, line.amount());
		}
		if (line.malformed() || line.fields().length != this.kind.fieldCount() || !"D".equals(line.fields()[0])) {
			return CheckedLine.rejected(number, "MALFORMED", raw, line.amount());
		}
		try {
			Object[] values = this.kind.values(this.kind.check(line.fields(), this.businessDate));
			boolean pending = false;
			if (this.kind.accounts() != FileKind.Accounts.ANY) {
				String reason = this.accounts.rejection((String) values[this.accountColumn], this.kind.accounts());
				// a line whose account is not in the card master yet waits for it
				pending = "UNKNOWN_ACCOUNT".equals(reason);
				if (reason != null && !pending) {
					return CheckedLine.rejected(number, reason, raw, line.amount());
				}
			}
			byte[] encoded = this.encoder.encode(number, values);
			return encoded != null ? CheckedLine.encoded(number, encoded, raw, pending, line.amount())
					: CheckedLine.accepted(number, values, raw, pending, line.amount());
		}
		catch (LineRejected ex) {
			return CheckedLine.rejected(number, ex.reason(), raw, line.amount());
		}
	}

}
