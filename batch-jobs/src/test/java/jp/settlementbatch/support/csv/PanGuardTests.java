package jp.settlementbatch.support.csv;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PanGuardTests {

	@Test
	void masksALuhnValidSixteenDigitNumberToFirstSixLastFour() {
		// given a merchant name with a Visa test number
		String line = "D,T1,1000000001,PURCHASE,100,JPY,2026-11-20T10:00:00+09:00,shop 4111111111111111,5411,1111,";

		// when
		String masked = PanGuard.mask(line);

		// then
		assertThat(masked).contains("shop 411111******1111").doesNotContain("4111111111111111");
		assertThat(PanGuard.containsPan(line)).isTrue();
	}

	@Test
	void findsNumbersWrittenWithSpacesOrDashesBetweenGroups() {
		assertThat(PanGuard.mask("card 4111 1111 1111 1111 end")).isEqualTo("card 411111******1111 end");
		assertThat(PanGuard.mask("card 5500-0000-0000-0004 end")).isEqualTo("card 550000******0004 end");
	}

	@Test
	void coversThirteenToNineteenDigits() {
		// 13 digits (old Visa) and 19 digits, both Luhn-valid
		assertThat(PanGuard.mask("4222222222222")).isEqualTo("422222***2222");
		assertThat(PanGuard.mask("6011000000000000001")).isEqualTo("601100*********0001");
	}

	@Test
	void leavesNumbersThatFailLuhnOrHaveTheWrongLength() {
		assertThat(PanGuard.mask("4111111111111112")).isEqualTo("4111111111111112");
		assertThat(PanGuard.mask("411111111111")).isEqualTo("411111111111"); // 12 digits
		assertThat(PanGuard.mask("41111111111111111110")).isEqualTo("41111111111111111110"); // 20
																								// digits
	}

	@Test
	void leavesTheFieldsOfAnOrdinaryRecordAlone() {
		String line = "D,CF20261120N000000001,1000000201,PURCHASE,26807,JPY,2026-11-20T14:41:18+09:00,すき家,5812,3800,";
		assertThat(PanGuard.mask(line)).isSameAs(line);
	}

	@Test
	void masksEveryNumberInTheText() {
		assertThat(PanGuard.mask("4111111111111111 and 5500000000000004"))
			.isEqualTo("411111******1111 and 550000******0004");
	}

	@Test
	void findsThePanInUtf8BytesAsInTheText() {
		// given texts with and without a PAN, next to multi-byte characters
		List<String> texts = List.of("ローソン4111111111111111店", "カード 4111-1111-1111-1111", "セブン4111１111111111111",
				"D,CF20261120N000000001,1000000201,PURCHASE,26807,JPY,2026-11-20T14:41:18+09:00,すき家,5812,3800,",
				"4111111111111112", "");

		// then the bytes answer as the text does
		for (String text : texts) {
			assertThat(PanGuard.containsPan(text.getBytes(StandardCharsets.UTF_8))).as(text)
				.isEqualTo(PanGuard.containsPan(text));
		}
		assertThat(PanGuard.containsPan("ローソン4111111111111111店".getBytes(StandardCharsets.UTF_8))).isTrue();
		assertThat(PanGuard.containsPan("セブン4111１111111111111".getBytes(StandardCharsets.UTF_8))).isFalse();
	}

	@Test
	void findsAPanInTheBytesWhereverItStandsInTheLine() {
		// given PANs (plain, grouped, of 13 and 19 digits) and near misses, placed at
		// every
		// offset between neighbours that do and do not continue a run of digits
		List<String> numbers = List.of("4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111",
				"4222222222222", "6011000000000000004", "411111111111111", "4111111111111112", "4111  1111 1111 1111");
		List<String> neighbours = List.of("", "a", "店", "0", "1 ", "-", ",", "12345678901", " 9");
		int checked = 0;
		int found = 0;
		for (String number : numbers) {
			for (String before : neighbours) {
				for (String after : neighbours) {
					for (int pad = 0; pad <= 14; pad++) {
						String text = "x".repeat(pad) + before + number + after + "y".repeat(14 - pad);
						boolean inText = PanGuard.containsPan(text);

						// then the bytes answer as the text does
						assertThat(PanGuard.containsPan(text.getBytes(StandardCharsets.UTF_8))).as(text)
							.isEqualTo(inText);
						checked++;
						found += inText ? 1 : 0;
					}
				}
			}
		}
		// and the cases are not all of one kind
		assertThat(found).isGreaterThan(checked / 10).isLessThan(checked - checked / 10);
	}

}
