package jp.settlementbatch.creditreview;

import java.time.LocalDate;
import java.util.Set;

import jp.settlementbatch.support.intake.Fields;
import jp.settlementbatch.support.intake.LineRejected;

/**
 * A line of the watch list (antisocial forces, foreign PEPs), as a row of
 * {@code application.watchlist_entry}, and its rules ({@link #check}). The D record is
 * {@code D,entry_id,list_type,name_kana,name_kanji,birth_date}; birth_date may be empty.
 */
record WatchlistLine(String entryId, String listType, String nameKana, String nameKanji, LocalDate birthDate,
		String nameKanaKey, String nameKanjiKey) {

	private static final Set<String> LIST_TYPES = Set.of("ANTISOCIAL", "FOREIGN_PEP");

	/** The entry of a D record's fields, or why it is rejected. */
	static WatchlistLine check(String[] f, LocalDate businessDate) throws LineRejected {
		String kana = Fields.text(f[3], "name_kana", 100, false);
		String kanji = Fields.text(f[4], "name_kanji", 100, false);
		if (kana.isBlank() && kanji.isBlank()) {
			throw LineRejected.invalid("name_kana");
		}
		return new WatchlistLine(Fields.id(f[1], "entry_id"), Fields.oneOf(f[2], "list_type", LIST_TYPES), kana, kanji,
				Fields.optionalDate(f[5], "birth_date"), NameNormalizer.name(kana), NameNormalizer.name(kanji));
	}

}
