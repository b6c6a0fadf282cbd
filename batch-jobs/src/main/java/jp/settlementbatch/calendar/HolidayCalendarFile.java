package jp.settlementbatch.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Cabinet Office's {@code syukujitsu.csv} as downloaded: Shift_JIS (Windows-31J), one
 * header row, then {@code yyyy/M/d,name}. All or nothing: one bad line rejects the file,
 * because a calendar with a hole in it would move due dates.
 */
final class HolidayCalendarFile {

	static final Charset SHIFT_JIS = Charset.forName("Windows-31J");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu/M/d");

	record Holiday(LocalDate date, String name) {

	}

	private HolidayCalendarFile() {
	}

	/** The holidays of the file, or empty when a line is not {@code yyyy/M/d,name}. */
	static Optional<List<Holiday>> parse(InputStream in) throws IOException {
		CharsetDecoder decoder = SHIFT_JIS.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		List<Holiday> holidays = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder))) {
			String header = reader.readLine();
			if (header == null) {
				return Optional.empty();
			}
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank()) {
					continue;
				}
				int comma = line.indexOf(',');
				if (comma < 0) {
					return Optional.empty();
				}
				String name = line.substring(comma + 1).strip();
				if (name.isEmpty() || name.contains(",")) {
					return Optional.empty();
				}
				holidays.add(new Holiday(LocalDate.parse(line.substring(0, comma).strip(), DATE), name));
			}
		}
		catch (DateTimeParseException | java.nio.charset.CharacterCodingException ex) {
			return Optional.empty();
		}
		return holidays.isEmpty() ? Optional.empty() : Optional.of(holidays);
	}

}
