package jp.settlementbatch.support.csv;

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
	void findsNumbersWrittenInAnyForm() {
		// files.md: any Unicode decimal digit, format characters read as absent, any
		// single non-alphanumeric separator
		assertThat(PanGuard.mask("カード４１１１１１１１１１１１１１１１")).isEqualTo("カード411111******1111");
		assertThat(PanGuard.mask("4111\u200b1111\u200b1111\u200b1111")).isEqualTo("411111******1111");
		assertThat(PanGuard.mask("4111.1111.1111.1111")).isEqualTo("411111******1111");
		assertThat(PanGuard.mask("4111/1111/1111/1111")).isEqualTo("411111******1111");
		assertThat(PanGuard.mask("４１１１－１１１１－１１１１－１１１１")).isEqualTo("411111******1111");
		assertThat(PanGuard.mask("4111\u30001111\u30001111\u30001111")).isEqualTo("411111******1111");
		assertThat(PanGuard.mask("٤١١١١١١١١١١١١١١١")).as("Arabic-Indic digits").isEqualTo("411111******1111");
		assertThat(PanGuard.mask("4\u20631\u20631\u20631111111111111")).as("combining marks")
			.isEqualTo("411111******1111");
		assertThat(PanGuard.mask("⁴¹¹¹¹¹¹¹¹¹¹¹¹¹¹¹")).as("superscripts, digits under NFKC")
			.isEqualTo("411111******1111");
		assertThat(PanGuard.mask("4111\n1111 1111 1111")).as("over two lines of a quoted field")
			.isEqualTo("411111******1111");
	}

	@Test
	void findsANumberWithAGroupPutInFrontOfIt() {
		assertThat(PanGuard.mask("No. 7 4111 1111 1111 1111")).isEqualTo("No. 7 411111******1111");
		assertThat(PanGuard.mask("1-4111-1111-1111-1111")).isEqualTo("1-411111******1111");
	}

	@Test
	void aTimestampWithAFractionOfASecondIsNotACardNumber() {
		// 27, 51 and 120307836: 13 digits that pass Luhn, with a colon and a dot between
		assertThat(PanGuard.luhn("2751120307836")).isTrue();
		assertThat(PanGuard.containsPan("2026-12-07T18:27:51.120307836Z")).isFalse();
		assertThat(PanGuard.containsPan("10:00:00.123456+09:00")).isFalse();
	}

	@Test
	void twoSeparatorsInARowEndANumber() {
		assertThat(PanGuard.containsPan("4111  1111 1111 1111")).isFalse();
		assertThat(PanGuard.containsPan("4111-.1111-1111-1111")).isFalse();
	}

	@Test
	void commasBetweenTheFieldsOfALineEndANumberButNotInsideAQuotedField() {
		// 1000000249 and 5008 in two fields make 14 digits that pass Luhn as one
		String line = "D,RP1,1000000249,5008,2026-11-20T10:00:00+09:00,ATM,";
		assertThat(PanGuard.luhn("10000002495008")).isTrue();
		assertThat(PanGuard.containsPanInLine(line)).isFalse();
		assertThat(PanGuard.maskLine(line)).isSameAs(line);
		// in a quoted field a comma is a separator like any other
		assertThat(PanGuard.maskLine("D,T1,\"shop 4111,1111,1111,1111\",5411"))
			.isEqualTo("D,T1,\"shop 411111******1111\",5411");
		assertThat(PanGuard.containsPan(new String[] { "D", "shop 4111,1111,1111,1111" })).isTrue();
		assertThat(PanGuard.containsPan(new String[] { "D", "1000000249", "5008" })).isFalse();
	}

	@Test
	void findsAPanWhereverItStandsInTheText() {
		// given PANs in several forms and near misses, placed at every offset between
		// neighbours that do and do not continue a number
		List<String> numbers = List.of("4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111",
				"４１１１１１１１１１１１１１１１", "4111\u200b1111\u200b1111\u200b1111", "4222222222222", "6011000000000000004",
				"411111111111111", "4111111111111112", "4111  1111 1111 1111");
		List<String> neighbours = List.of("", "a", "店", "0", "1 ", "-", ",", "12345678901", " 9", "\u200b");
		int checked = 0;
		int found = 0;
		for (String number : numbers) {
			for (String before : neighbours) {
				for (String after : neighbours) {
					Boolean first = null;
					for (int pad = 0; pad <= 14; pad++) {
						String text = "x".repeat(pad) + before + number + after + "y".repeat(14 - pad);
						boolean inText = PanGuard.containsPan(text);
						// then the answer does not depend on where the number stands
						if (first == null) {
							first = inText;
						}
						assertThat(inText).as(text).isEqualTo(first);
						assertThat(PanGuard.mask(text).equals(text)).as(text).isEqualTo(!inText);
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
