package jp.settlementbatch.cashflow;

import java.time.LocalDate;

import jp.settlementbatch.support.intake.LineRejected;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CashFlowLineTests {

	private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

	private static String[] line(String type, String amount, String currency, String at, String mcc, String original) {
		return new String[] { "D", "CF1", "1000000001", type, amount, currency, at, "ローソン 品川店", mcc, "1234", original };
	}

	@Test
	void aPurchaseBecomesItsColumnsWithTheTokyoValueDate() throws LineRejected {
		// given a purchase at 23:30 UTC on 19 Nov, which is 08:30 on 20 Nov in Tokyo
		CashFlowLine line = CashFlowLine.check(line("PURCHASE", "1200", "JPY", "2026-11-19T23:30:00Z", "5411", ""),
				DAY);

		// then
		assertThat(line.transactionId()).isEqualTo("CF1");
		assertThat(line.amount()).isEqualTo(1200L);
		assertThat(line.valueDate()).isEqualTo(LocalDate.of(2026, 11, 20));
		assertThat(line.originalTransactionId()).isNull();
	}

	@Test
	void aValueDateAfterTheBusinessDateInTokyoIsInTheFuture() {
		// 15:30 UTC on 20 Nov is 00:30 on 21 Nov in Tokyo
		assertReason(line("PURCHASE", "1200", "JPY", "2026-11-20T15:30:00+00:00", "5411", ""), "VALUE_DATE_IN_FUTURE");
	}

	@Test
	void onlyYenIsTakenAndAnyOtherCodeIsUnsupported() {
		assertReason(line("PURCHASE", "1200", "USD", "2026-11-20T10:00:00+09:00", "5411", ""), "UNSUPPORTED_CURRENCY");
		assertReason(line("PURCHASE", "1200", "yen", "2026-11-20T10:00:00+09:00", "5411", ""),
				"INVALID_FIELD:currency");
	}

	@Test
	void amountsAreWholeYenFromOneTo99999999() {
		assertReason(line("PURCHASE", "0", "JPY", "2026-11-20T10:00:00+09:00", "5411", ""), "INVALID_FIELD:amount");
		assertReason(line("PURCHASE", "100000000", "JPY", "2026-11-20T10:00:00+09:00", "5411", ""),
				"INVALID_FIELD:amount");
		assertReason(line("PURCHASE", "12.5", "JPY", "2026-11-20T10:00:00+09:00", "5411", ""), "INVALID_FIELD:amount");
		assertReason(line("PURCHASE", "-5", "JPY", "2026-11-20T10:00:00+09:00", "5411", ""), "INVALID_FIELD:amount");
	}

	@Test
	void aRefundNamesItsPurchaseAndOtherTypesDoNot() throws LineRejected {
		assertReason(line("REFUND", "100", "JPY", "2026-11-20T10:00:00+09:00", "5411", ""),
				"INVALID_FIELD:original_transaction_id");
		assertReason(line("PURCHASE", "100", "JPY", "2026-11-20T10:00:00+09:00", "5411", "CF0"),
				"INVALID_FIELD:original_transaction_id");
		assertThat(CashFlowLine.check(line("REFUND", "100", "JPY", "2026-11-20T10:00:00+09:00", "5411", "CF0"), DAY)
			.originalTransactionId()).isEqualTo("CF0");
	}

	@Test
	void aFeeHasNoMerchantCategoryAndOthersHaveFourDigits() throws LineRejected {
		assertThat(CashFlowLine.check(line("FEE", "550", "JPY", "2026-11-20T10:00:00+09:00", "", ""), DAY).mcc())
			.isNull();
		assertReason(line("FEE", "550", "JPY", "2026-11-20T10:00:00+09:00", "5411", ""), "INVALID_FIELD:mcc");
		assertReason(line("PURCHASE", "550", "JPY", "2026-11-20T10:00:00+09:00", "541", ""), "INVALID_FIELD:mcc");
	}

	@Test
	void fieldsAreCheckedInTheirOrder() {
		String[] bad = line("LOAN", "x", "JPY", "yesterday", "5411", "");
		assertReason(bad, "INVALID_FIELD:type");
		bad = line("PURCHASE", "100", "JPY", "2026-13-01T10:00:00+09:00", "5411", "");
		assertReason(bad, "INVALID_FIELD:transacted_at");
		bad = line("PURCHASE", "100", "JPY", "2026-11-20T10:00:00+09:00", "5411", "");
		bad[2] = "12345";
		assertReason(bad, "INVALID_FIELD:account_id");
	}

	private void assertReason(String[] fields, String reason) {
		assertThatThrownBy(() -> CashFlowLine.check(fields, DAY)).isInstanceOf(LineRejected.class)
			.extracting(ex -> ((LineRejected) ex).reason())
			.isEqualTo(reason);
	}

}
