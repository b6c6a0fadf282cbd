package jp.settlementbatch.creditreview;

import java.time.LocalDate;
import java.util.Set;

import jp.settlementbatch.support.intake.DetailRule;
import jp.settlementbatch.support.intake.Fields;
import jp.settlementbatch.support.intake.LineRejected;

/**
 * Line rules of the watch list (antisocial forces, foreign PEPs):
 * {@code D,entry_id,list_type,name_kana,name_kanji,birth_date}; birth_date may be empty.
 */
final class WatchlistLine implements DetailRule {

	static final String COLUMNS = "entry_id, list_type, name_kana, name_kanji, birth_date, name_kana_key, name_kanji_key";

	private static final Set<String> LIST_TYPES = Set.of("ANTISOCIAL", "FOREIGN_PEP");

	@Override
	public Object[] check(String[] f, LocalDate businessDate) throws LineRejected {
		String kana = Fields.text(f[3], "name_kana", 100, false);
		String kanji = Fields.text(f[4], "name_kanji", 100, false);
		if (kana.isBlank() && kanji.isBlank()) {
			throw LineRejected.invalid("name_kana");
		}
		return new Object[] { Fields.id(f[1], "entry_id"), Fields.oneOf(f[2], "list_type", LIST_TYPES), kana, kanji,
				Fields.optionalDate(f[5], "birth_date"), NameNormalizer.name(kana), NameNormalizer.name(kanji) };
	}

}
