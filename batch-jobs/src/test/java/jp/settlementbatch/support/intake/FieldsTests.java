package jp.settlementbatch.support.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldsTests {

	@Test
	void theValueDateIsTheTokyoDateOfTheInstant() throws LineRejected {
		assertThat(Fields.tokyoDate(Fields.instant("2026-11-20T23:59:59+09:00", "t")))
			.isEqualTo(LocalDate.of(2026, 11, 20));
		// 15:00 UTC is midnight in Tokyo
		assertThat(Fields.tokyoDate(Fields.instant("2026-11-20T15:00:00+00:00", "t")))
			.isEqualTo(LocalDate.of(2026, 11, 21));
		assertThat(Fields.tokyoDate(Fields.instant("2026-11-20T14:59:59+00:00", "t")))
			.isEqualTo(LocalDate.of(2026, 11, 20));
		// 20:00 in New York (UTC-05:00) on 31 Dec is 10:00 on 1 Jan in Tokyo
		assertThat(Fields.tokyoDate(Fields.instant("2026-12-31T20:00:00-05:00", "t")))
			.isEqualTo(LocalDate.of(2027, 1, 1));
		// an instant late on 1 Mar in Tokyo written with a far western offset
		assertThat(Fields.tokyoDate(Fields.instant("2028-02-29T10:00:00-12:00", "t")))
			.isEqualTo(LocalDate.of(2028, 3, 1));
		// other ISO-8601 forms go through the general parser
		assertThat(Fields.tokyoDate(Fields.instant("2026-11-20T15:00:00.250Z", "t")))
			.isEqualTo(LocalDate.of(2026, 11, 21));
	}

	@Test
	void anInstantReadsTheSameWhicheverParserReadsIt() throws LineRejected {
		for (String text : new String[] { "2026-11-20T23:59:59+09:00", "2026-12-31T20:00:00-05:00",
				"2028-02-29T10:00:00-12:00", "2026-11-20T00:00:00+00:00" }) {
			assertThat(Fields.instant(text, "t")).as(text).isEqualTo(OffsetDateTime.parse(text).toInstant());
		}
		assertThat(Fields.instant("2026-11-20T15:00:00.250Z", "t"))
			.isEqualTo(Instant.parse("2026-11-20T15:00:00.250Z"));
	}

	@Test
	void impossibleTimestampsAreInvalid() {
		for (String bad : new String[] { "2026-02-30T10:00:00+09:00", "2026-11-20T24:00:00+09:00",
				"2026-11-20 10:00:00", "2026-11-20T10:00:00", "2026-11-20T10:00:00+19:00" }) {
			assertThatThrownBy(() -> Fields.instant(bad, "paid_at")).as(bad)
				.isInstanceOf(LineRejected.class)
				.extracting(ex -> ((LineRejected) ex).reason())
				.isEqualTo("INVALID_FIELD:paid_at");
		}
	}

	@Test
	void identifiersAreOneToThirtyTwoOfLettersDigitsDashAndUnderscore() throws LineRejected {
		assertThat(Fields.id("Ab_9-z", "id")).isEqualTo("Ab_9-z");
		assertThatThrownBy(() -> Fields.id("", "id")).isInstanceOf(LineRejected.class);
		assertThatThrownBy(() -> Fields.id("a".repeat(33), "id")).isInstanceOf(LineRejected.class);
		assertThatThrownBy(() -> Fields.id("a b", "id")).isInstanceOf(LineRejected.class);
		assertThatThrownBy(() -> Fields.id("取引1", "id")).isInstanceOf(LineRejected.class);
	}

	@Test
	void anAmountBeyondItsRulesIsInvalidAndBeyondTheColumnOutOfRange() throws LineRejected {
		assertThat(Fields.yen("0099999999", "amount", 1, 99_999_999)).isEqualTo(99_999_999L);
		for (String invalid : new String[] { "100000000", "0", "9223372036854775807" }) {
			assertThatThrownBy(() -> Fields.yen(invalid, "amount", 1, 99_999_999)).as(invalid)
				.extracting(ex -> ((LineRejected) ex).reason())
				.isEqualTo("INVALID_FIELD:amount");
		}
		for (String huge : new String[] { "9223372036854775808", "1".repeat(30) }) {
			assertThatThrownBy(() -> Fields.yen(huge, "amount", 1, 99_999_999)).as(huge)
				.extracting(ex -> ((LineRejected) ex).reason())
				.isEqualTo("AMOUNT_OUT_OF_RANGE");
		}
	}

}
