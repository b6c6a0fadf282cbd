package jp.settlementbatch.creditreview;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import jp.settlementbatch.support.testing.Cli;
import jp.settlementbatch.support.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The officers' list through the real jobs: applications and a watch list imported from
 * files, then {@code build-credit-review-list}, read back as Excel would get it.
 */
class CreditReviewListIntegrationTests {

	@TempDir
	Path work;

	Path inbox;

	@BeforeEach
	void files() throws IOException {
		this.inbox = this.work.resolve("inbox");
		Files.createDirectories(this.inbox);
		List<String> apps = new ArrayList<>();
		// watch list: half-width kana with birth date; hiragana/space/dot variants; birth
		// date differs; kanji only
		apps.add(app("A001", "2026-11-10", "PENDING_REVIEW", "山田 太郎", "ヤマダ タロウ", "1980-01-01", "090-1111-0001"));
		apps.add(app("A002", "2026-11-11", "PENDING_REVIEW", "鈴木 花子", "すずき　はなこ", "1985-05-05", "090-1111-0002"));
		apps.add(app("A003", "2026-11-12", "PENDING_REVIEW", "佐藤 次郎", "サトウ ジロウ", "1970-01-01", "090-1111-0003"));
		apps.add(app("A004", "2026-11-12", "PENDING_REVIEW", "高橋 一郎", "タカハシ イチ", "1975-03-03", "090-1111-0004"));
		// age 17 and age 18 on the business date
		apps.add(app("A005", "2026-11-13", "PENDING_REVIEW", "伊藤 若", "イトウ ワカ", "2008-11-21", "090-1111-0005"));
		apps.add(app("A006", "2026-11-13", "PENDING_REVIEW", "伊藤 成", "イトウ ナル", "2008-11-20", "090-1111-0006"));
		// duplicate applicants: 90 days apart (flagged), 91 days apart (not), same day
		// (larger id flagged)
		apps.add(app("A010", "2026-08-21", "DECLINED", "渡辺 健", "ワタナベ ケン", "1990-02-02", "090-2222-0010"));
		apps.add(app("A011", "2026-11-19", "PENDING_REVIEW", "渡辺 健", "ﾜﾀﾅﾍﾞ ｹﾝ", "1990-02-02", "09022220010"));
		apps.add(app("A020", "2026-08-20", "WITHDRAWN", "中村 誠", "ナカムラ マコト", "1991-03-03", "090-2222-0020"));
		apps.add(app("A021", "2026-11-19", "PENDING_REVIEW", "中村 誠", "ナカムラ マコト", "1991-03-03", "090-2222-0020"));
		apps.add(app("A030", "2026-11-15", "PENDING_REVIEW", "小林 愛", "コバヤシ アイ", "1992-04-04", "090-2222-0030"));
		apps.add(app("A031", "2026-11-15", "PENDING_REVIEW", "小林 愛", "コバヤシ アイ", "1992-04-04", "090-2222-0030"));
		// total volume headroom exactly 0: 3,000,000 / 3 - max(200,000, 300,000) -
		// 700,000
		apps.add(app("A040", "2026-11-16", "PENDING_REVIEW", "加藤 零", "カトウ レイ", "1980-06-06", "090-3333-0040").replace(
				",3000000,会社員,300000,0,0,PASSED,CHECKED,0,false",
				",3000000,会社員,300000,700000,200000,PASSED,CHECKED,300000,false"));
		// a name with a comma, a quote and a line break; a cell that would be a formula
		apps.add(app("A050", "2026-11-17", "PENDING_REVIEW", "\"山田, \"\"太郎\"\"\n二郎\"", "ヤマダ ジロウ", "1981-07-07",
				"090-4444-0050"));
		apps.add(app("A051", "2026-11-17", "PENDING_REVIEW", "=SUM(1,2)", "スミ", "1981-07-08", "090-4444-0051")
			.replace("=SUM(1,2)", "\"=SUM(1,2)\""));
		// not listed: eKYC failed or pending, already decided, applied after the business
		// date
		apps.add(app("A060", "2026-11-17", "PENDING_REVIEW", "吉田 失", "ヨシダ シツ", "1980-01-01", "090-5555-0060")
			.replace(",PASSED,", ",FAILED,"));
		apps.add(app("A061", "2026-11-17", "PENDING_REVIEW", "吉田 待", "ヨシダ マツ", "1980-01-01", "090-5555-0061")
			.replace(",PASSED,", ",PENDING,"));
		apps.add(app("A062", "2026-11-17", "APPROVED", "吉田 承", "ヨシダ ショウ", "1980-01-01", "090-5555-0062"));
		apps.add(app("A063", "2026-11-21", "PENDING_REVIEW", "吉田 明", "ヨシダ アス", "1980-01-01", "090-5555-0063"));
		write("applications_20261120.csv", "APP", apps, 300_000L * apps.size());
		write("watchlist_20261120.csv", "WL", List.of("D,W1,ANTISOCIAL,ﾔﾏﾀﾞ ﾀﾛｳ,,1980-01-01",
				"D,W2,ANTISOCIAL,スズキ・ハナコ,,", "D,W3,FOREIGN_PEP,サトウ ジロウ,,1971-01-01", "D,W4,ANTISOCIAL,,高橋一郎,"), 0);
	}

	@Test
	void everyFlagFiresExactlyWhenItsRuleSays() throws Exception {
		// given
		Cli cli = new Cli(TestDatabase.fresh());
		assertThat(run(cli, "import-applications", "2026-11-20").exitCode()).isZero();

		// when
		Cli.Result built = run(cli, "build-credit-review-list", "2026-11-20");

		// then
		assertThat(built.exitCode()).as(built.output()).isZero();
		Map<String, Map<String, String>> rows = read(list("20261120"));
		assertThat(rows.keySet()).containsExactly("A001", "A002", "A004", "A005", "A003", "A006", "A030", "A031",
				"A040", "A050", "A051", "A011", "A021");
		assertThat(flags(rows)).containsEntry("A001", "WATCHLIST_MATCH")
			.containsEntry("A002", "WATCHLIST_MATCH")
			.containsEntry("A003", "")
			.containsEntry("A004", "WATCHLIST_MATCH")
			.containsEntry("A005", "MINOR")
			.containsEntry("A006", "")
			.containsEntry("A011", "DUPLICATE_APPLICANT")
			.containsEntry("A021", "")
			.containsEntry("A030", "")
			.containsEntry("A031", "DUPLICATE_APPLICANT")
			.containsEntry("A040", "");
		assertThat(rows.get("A005")).containsEntry("age", "17").containsEntry("priority", "HIGH");
		assertThat(rows.get("A006")).containsEntry("age", "18").containsEntry("priority", "NORMAL");
		assertThat(rows.get("A040")).containsEntry("total_volume_headroom", "0")
			.containsEntry("other_debt_total", "300000");
		assertThat(rows.get("A001")).containsEntry("first_listed_on", "2026-11-20")
			.containsEntry("days_waiting", "10")
			.containsEntry("applied_at", "2026-11-10T10:00:00+09:00");
		assertThat(rows.get("A050")).containsEntry("name_kanji", "山田, \"太郎\"\n二郎");
		assertThat(rows.get("A051")).containsEntry("name_kanji", "'=SUM(1,2)");
		assertThat(built.output()).doesNotContain("山田").doesNotContain("ヤマダ");
	}

	@Test
	void theFileIsForExcelDeterministicAndKeepsTheFirstListingDate() throws Exception {
		// given two databases fed the same files
		Cli first = new Cli(TestDatabase.fresh());
		Cli second = new Cli(TestDatabase.fresh());
		for (Cli cli : List.of(first, second)) {
			assertThat(run(cli, "import-applications", "2026-11-20").exitCode()).isZero();
		}

		// when each builds the list
		assertThat(run(first, "build-credit-review-list", "2026-11-20").exitCode()).isZero();
		byte[] fromFirst = Files.readAllBytes(list("20261120"));
		assertThat(run(second, "build-credit-review-list", "2026-11-20").exitCode()).isZero();
		byte[] fromSecond = Files.readAllBytes(list("20261120"));

		// then the bytes are the same, with a BOM, CRLF line ends and the contract header
		assertThat(fromSecond).isEqualTo(fromFirst);
		assertThat(fromFirst).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
		String text = new String(fromFirst, 3, fromFirst.length - 3, StandardCharsets.UTF_8);
		assertThat(text).startsWith(String.join(",", CreditReview.HEADER) + "\r\n").endsWith("\r\n");
		assertThat(text.replace("\r\n", "").replace("\n二郎", "")).doesNotContain("\n");

		// and a rerun changes nothing, while the next day keeps the first listing date
		assertThat(run(first, "build-credit-review-list", "2026-11-20").exitCode()).isZero();
		assertThat(Files.readAllBytes(list("20261120"))).isEqualTo(fromFirst);
		assertThat(run(first, "build-credit-review-list", "2026-11-21").exitCode()).isZero();
		Map<String, Map<String, String>> nextDay = read(list("20261121"));
		assertThat(nextDay.get("A001")).containsEntry("first_listed_on", "2026-11-20")
			.containsEntry("days_waiting", "11");
		assertThat(nextDay.get("A063")).containsEntry("first_listed_on", "2026-11-21");
	}

	private Cli.Result run(Cli cli, String job, String date) {
		return cli.run("run", job, "--business-date=" + date, "--inbox=" + this.inbox,
				"--outbox=" + this.work.resolve("out"));
	}

	private Path list(String yyyymmdd) {
		return this.work.resolve("out/credit-review/credit_review_" + yyyymmdd + ".csv");
	}

	private static Map<String, String> flags(Map<String, Map<String, String>> rows) {
		Map<String, String> flags = new LinkedHashMap<>();
		rows.forEach((id, row) -> flags.put(id, row.get("flags")));
		return flags;
	}

	private static Map<String, Map<String, String>> read(Path file) throws IOException, CsvException {
		String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).substring(1); // BOM
		try (CSVReader reader = new CSVReader(new StringReader(text))) {
			List<String[]> all = reader.readAll();
			Map<String, Map<String, String>> rows = new LinkedHashMap<>();
			for (String[] cells : all.subList(1, all.size())) {
				Map<String, String> row = new LinkedHashMap<>();
				for (int i = 0; i < cells.length; i++) {
					row.put(all.get(0)[i], cells[i]);
				}
				rows.put(cells[0], row);
			}
			return rows;
		}
	}

	private static String app(String id, String appliedOn, String status, String kanji, String kana, String birth,
			String phone) {
		return String.join(",", "D", id, appliedOn + "T10:00:00+09:00", status, kanji, kana, birth, "150-0043",
				"東京都渋谷区道玄坂1-2-3", phone, "3000000", "会社員", "300000", "0", "0", "PASSED", "CHECKED", "0", "false");
	}

	private void write(String name, String sender, List<String> details, long total) throws IOException {
		Files.writeString(this.inbox.resolve(name),
				"H," + sender + "1,2026-11-20," + sender + ",2026-11-20T01:00:00+09:00\n" + String.join("\n", details)
						+ "\nT," + details.size() + "," + total + "\n");
	}

}
