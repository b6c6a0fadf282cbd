package jp.settlementbatch.creditreview;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NameNormalizerTests {

	@Test
	void halfWidthKatakanaHiraganaSpacesAndMiddleDotsAllCompareEqual() {
		String expected = "ヤマダタロウ";
		assertThat(NameNormalizer.name("ヤマダ タロウ")).isEqualTo(expected);
		assertThat(NameNormalizer.name("ﾔﾏﾀﾞ ﾀﾛｳ")).isEqualTo(expected); // half-width,
																			// with a
																			// voiced mark
		assertThat(NameNormalizer.name("やまだ　たろう")).isEqualTo(expected); // hiragana,
																		// full-width
																		// space
		assertThat(NameNormalizer.name("ヤマダ・タロウ")).isEqualTo(expected);
		assertThat(NameNormalizer.name("ﾔﾏﾀﾞ･ﾀﾛｳ")).isEqualTo(expected); // half-width
																			// middle dot
	}

	@Test
	void kanjiNamesLoseOnlyTheirSpaces() {
		assertThat(NameNormalizer.name("山田　太郎")).isEqualTo("山田太郎");
	}

	@Test
	void phonesCompareByDigits() {
		assertThat(NameNormalizer.phone("090-1234-5678")).isEqualTo("09012345678");
		assertThat(NameNormalizer.phone("(090) 1234 5678")).isEqualTo("09012345678");
	}

}
