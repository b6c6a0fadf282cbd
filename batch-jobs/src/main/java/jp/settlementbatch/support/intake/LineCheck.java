package jp.settlementbatch.support.intake;

import java.time.LocalDate;

import jp.settlementbatch.support.csv.PanGuard;
import jp.settlementbatch.support.csv.RecordLine;

/**
 * Applies the PAN guard, the field count and a kind's line rules to one detail record.
 */
final class LineCheck {

	private final FileKind kind;

	private final LocalDate businessDate;

	LineCheck(FileKind kind, LocalDate businessDate) {
		this.kind = kind;
		this.businessDate = businessDate;
	}

	CheckedLine check(RecordLine line) {
		String masked = PanGuard.mask(line.raw());
		if (masked != line.raw()) {
			return CheckedLine.rejected(line.lineNumber(), "PAN_DETECTED", masked);
		}
		if (line.malformed() || line.fields().length != this.kind.fieldCount() || !"D".equals(line.fields()[0])) {
			return CheckedLine.rejected(line.lineNumber(), "MALFORMED", masked);
		}
		try {
			return CheckedLine.accepted(line.lineNumber(), this.kind.rule().check(line.fields(), this.businessDate));
		}
		catch (LineRejected ex) {
			return CheckedLine.rejected(line.lineNumber(), ex.reason(), masked);
		}
	}

}
