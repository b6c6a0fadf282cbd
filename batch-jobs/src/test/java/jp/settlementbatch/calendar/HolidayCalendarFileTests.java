package jp.settlementbatch.calendar;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HolidayCalendarFileTests {

	@Test
	void readsTheCabinetOfficeFileAsDownloaded() throws IOException {
		// given the sample file: Shift_JIS, CRLF, one header row
		Path sample = Path.of(System.getProperty("settlement.sample-files", "../sample-files"), "2026-11-20",
				"syukujitsu.csv");

		// when
		List<HolidayCalendarFile.Holiday> holidays = HolidayCalendarFile.parse(Files.newInputStream(sample))
			.orElseThrow();

		// then
		assertThat(holidays).contains(new HolidayCalendarFile.Holiday(LocalDate.of(2026, 11, 23), "勤労感謝の日"),
				new HolidayCalendarFile.Holiday(LocalDate.of(2026, 1, 1), "元日"));
	}

	@Test
	void aLineThatIsNotADateAndANameRejectsTheWholeFile() throws IOException {
		byte[] bad = "国民の祝日・休日月日,国民の祝日・休日名称\r\n2026/1/1,元日\r\n2026/13/1,架空の日\r\n"
			.getBytes(HolidayCalendarFile.SHIFT_JIS);
		assertThat(HolidayCalendarFile.parse(new ByteArrayInputStream(bad))).isEmpty();
	}

	@Test
	void aUtf8FileIsNotTheCabinetOfficeFormat() throws IOException {
		byte[] utf8 = "国民の祝日・休日月日,国民の祝日・休日名称\n2026/1/1,元日\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(HolidayCalendarFile.parse(new ByteArrayInputStream(utf8))).isEmpty();
	}

}
