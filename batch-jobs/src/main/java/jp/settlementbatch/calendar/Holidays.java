package jp.settlementbatch.calendar;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The public holidays of the imported calendar ({@code card.public_holiday}, written by
 * import-calendar).
 */
public final class Holidays {

	private Holidays() {
	}

	public static Set<LocalDate> of(JdbcTemplate jdbc) {
		return new HashSet<>(jdbc.queryForList("SELECT holiday_date FROM card.public_holiday", LocalDate.class));
	}

}
