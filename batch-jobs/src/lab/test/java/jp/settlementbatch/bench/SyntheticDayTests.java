package jp.settlementbatch.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticDayTests {

	@Test
	void zeroPaddedWritesWhatTheFormattersZeroPaddingWrites() {
		// ids and times are the same bytes as when String.format wrote them
		for (long value : List.of(0L, 7L, 42L, 999L, 1_000L, 59_999L, 123_456_789L, 1_000_000_001L)) {
			for (int width = 1; width <= 12; width++) {
				assertThat(SyntheticDay.zeroPadded(value, width)).as("%d in %d digits", value, width)
					.isEqualTo(String.format("%0" + width + "d", value));
			}
		}
	}

	@Test
	void cardLast4IsFourDigitsForAnyBookSize() {
		assertThat(SyntheticDay.cardLast4(1)).isEqualTo("7919");
		// 271,184 × 7,919 = 2,147,506,096 overflows an int
		assertThat(SyntheticDay.cardLast4(271_184)).isEqualTo("6096");
		assertThat(SyntheticDay.cardLast4(1_000_000)).isEqualTo("0000");
	}

}
