package jp.settlementbatch.support.intake;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileKindTests {

	/** A line of a test file: {@code D,repayment_id,account_id,amount,paid_on}. */
	record Payment(String repaymentId, String accountId, long amount, LocalDate paidOn, String cardLast4) {

	}

	private static final FileKind PAYMENTS = FileKind.named("PAYMENTS", "payments")
		.lines(6, Payment.class, (f, day) -> new Payment(f[1], f[2], Long.parseLong(f[3]), day, f[5]))
		.moneyField(3)
		.into("test.payment")
		.accounts(FileKind.Accounts.EXISTING)
		.build();

	@Test
	void theColumnsAreTheLineRecordsComponentsInSnakeCaseInOrder() {
		assertThat(PAYMENTS.columnNames()).containsExactly("repayment_id", "account_id", "amount", "paid_on",
				"card_last4");
		assertThat(PAYMENTS.columns()).isEqualTo("repayment_id, account_id, amount, paid_on, card_last4");
		assertThat(PAYMENTS.columnIndex("account_id")).isEqualTo(1);
	}

	@Test
	void aCheckedLineGivesItsValuesInColumnOrder() throws LineRejected {
		// given a D record checked by the kind's rules
		Record line = PAYMENTS.check(new String[] { "D", "R1", "1000000001", "5000", "x", "1234" },
				LocalDate.of(2026, 11, 20));

		// then its values come out in column order, primitives boxed
		assertThat(PAYMENTS.values(line)).containsExactly("R1", "1000000001", 5000L, LocalDate.of(2026, 11, 20),
				"1234");
	}

	@Test
	void aKindThatChecksAccountsNeedsAnAccountIdColumn() {
		record NoAccount(String id) {
		}
		assertThatThrownBy(() -> FileKind.named("X", "x")
			.lines(2, NoAccount.class, (f, day) -> new NoAccount(f[1]))
			.into("test.x")
			.accounts(FileKind.Accounts.OPEN)
			.build()).hasMessageContaining("account_id");
	}

	@Test
	void aKindNeedsItsLinesAndItsTable() {
		assertThatThrownBy(() -> FileKind.named("X", "x").into("test.x").build()).hasMessageContaining("lines");
	}

}
