package jp.settlementbatch.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic business day in the formats of files.md: accounts, cash
 * flows, repayments, applications and a watch list. Rows are written as they are
 * generated; the only state kept is a small ring of recent purchases that refunds point
 * back to.
 *
 * <p>
 * Identifiers never hold 13 or more digits in a row, so the PAN guard has nothing to find
 * in a clean day.
 */
public final class SyntheticDay {

	private static final String[] MERCHANTS = { "セブン-イレブン 渋谷道玄坂店", "ローソン 新宿西口店", "ファミリーマート 梅田店", "Amazon.co.jp", "楽天市場",
			"ユニクロ 銀座店", "スターバックス コーヒー 六本木店", "JR東日本 モバイルSuica", "東京電力エナジーパートナー", "ヨドバシカメラ マルチメディアAkiba", "イオンモール 幕張新都心",
			"マツモトキヨシ 池袋店", "吉野家 神田店", "すき家 名古屋駅前店", "ENEOS 横浜港北SS", "ドトールコーヒー 大手町店", "無印良品 有楽町", "ビックカメラ 有楽町店",
			"ニトリ 札幌本店", "Apple.com/jp", "NETFLIX.COM", "\"株式会社サンプル商事, 本店\"", "\"居酒屋 \"\"ととや\"\" 難波店\"", "紀伊國屋書店 新宿本店",
			"高島屋 日本橋店" };

	private static final String[] MCCS = { "5411", "5411", "5411", "5942", "5399", "5651", "5814", "4111", "4900",
			"5732", "5311", "5912", "5812", "5812", "5541", "5814", "5399", "5732", "5712", "5732", "4899", "5999",
			"5813", "5942", "5311" };

	private static final String[] SURNAMES = { "佐藤,サトウ", "鈴木,スズキ", "高橋,タカハシ", "田中,タナカ", "伊藤,イトウ", "渡辺,ワタナベ", "山本,ヤマモト",
			"中村,ナカムラ", "小林,コバヤシ", "加藤,カトウ", "吉田,ヨシダ", "山田,ヤマダ", "佐々木,ササキ", "松本,マツモト" };

	private static final String[] GIVEN = { "太郎,タロウ", "花子,ハナコ", "一郎,イチロウ", "美咲,ミサキ", "健太,ケンタ", "陽菜,ヒナ", "大輔,ダイスケ",
			"結衣,ユイ", "翔太,ショウタ", "さくら,サクラ", "誠,マコト", "愛,アイ" };

	private static final String[] PREFECTURES = { "東京都渋谷区道玄坂1-2-3", "大阪府大阪市北区梅田2-4-9", "愛知県名古屋市中村区名駅1-1-4",
			"福岡県福岡市博多区博多駅前3-2-1", "北海道札幌市中央区北5条西2-5", "神奈川県横浜市西区みなとみらい2-2-1" };

	private final LocalDate businessDate;

	private final int accounts;

	private final long seed;

	/** The business date as file names and ids write it. */
	private final String yyyymmdd;

	public SyntheticDay(LocalDate businessDate, int accounts, long seed) {
		this.businessDate = businessDate;
		this.accounts = accounts;
		this.seed = seed;
		this.yyyymmdd = businessDate.format(DateTimeFormatter.BASIC_ISO_DATE);
	}

	/**
	 * {@code value} (not negative) in at least {@code width} digits, as {@code %0Nd}
	 * writes it; without a {@link java.util.Formatter}, which made writing a large day
	 * slow.
	 */
	/**
	 * The last four digits of an account's card: in long arithmetic, so books above
	 * 271,183 accounts do not overflow into a negative number.
	 */
	static String cardLast4(int account) {
		return zeroPadded(account * 7919L % 10_000, 4);
	}

	static String zeroPadded(long value, int width) {
		String digits = Long.toString(value);
		return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
	}

	static String accountId(int index) {
		return zeroPadded(1_000_000_001L + index, 10);
	}

	private static String status(int index) {
		int bucket = index % 100;
		return bucket == 99 ? "CLOSED" : bucket == 98 ? "SUSPENDED" : "ACTIVE";
	}

	/** Writes all five record files of the day into {@code folder}. */
	public void writeAll(Path folder, long cashFlows, int repayments, int applications, int watchlist)
			throws IOException {
		Files.createDirectories(folder);
		writeAccounts(folder.resolve("accounts_" + this.yyyymmdd + ".csv"));
		writeCashFlows(folder.resolve("cashflow_" + this.yyyymmdd + ".csv"), cashFlows);
		writeRepayments(folder.resolve("repayment_" + this.yyyymmdd + ".csv"), repayments);
		writeApplications(folder.resolve("applications_" + this.yyyymmdd + ".csv"), applications);
		writeWatchlist(folder.resolve("watchlist_" + this.yyyymmdd + ".csv"), watchlist);
	}

	public void writeAccounts(Path file) throws IOException {
		SplittableRandom random = new SplittableRandom(this.seed);
		try (Records out = new Records(file, "ACC", this.businessDate)) {
			int[] closingDays = { 5, 10, 15, 20, 25, 31 };
			int[] paymentDays = { 27, 4, 10, 10, 10, 27 };
			for (int i = 0; i < this.accounts; i++) {
				long shopping = 100_000L * (1 + random.nextInt(10));
				long cash = random.nextInt(4) == 0 ? 0 : 50_000L * (1 + random.nextInt(30));
				String cashApr = cash < 100_000 ? "20.00" : cash < 1_000_000 ? "18.00" : "15.00";
				int cycle = random.nextInt(closingDays.length);
				LocalDate opened = LocalDate.of(2015, 1, 1).plusDays(random.nextInt(3900));
				out.detail(shopping, accountId(i), "CUS" + zeroPadded(i + 1, 8), status(i), opened.toString(),
						random.nextInt(10) < 7 ? "REVOLVING" : "LUMP_SUM", Long.toString(shopping), Long.toString(cash),
						"15.00", cashApr, Integer.toString(closingDays[cycle]), Integer.toString(paymentDays[cycle]));
			}
		}
	}

	public void writeCashFlows(Path file, long count) throws IOException {
		SplittableRandom random = new SplittableRandom(this.seed + 1);
		int ring = 4096;
		String[] purchaseIds = new String[ring];
		int[] purchaseAccounts = new int[ring];
		long[] purchaseAmounts = new long[ring];
		int purchases = 0;
		try (Records out = new Records(file, "CF", this.businessDate)) {
			for (long n = 1; n <= count; n++) {
				int account = liveAccount(random);
				int roll = random.nextInt(100);
				String id = "CF" + this.yyyymmdd + "N" + zeroPadded(n, 9);
				String at = timestamp(random);
				int merchant = random.nextInt(MERCHANTS.length);
				String last4 = cardLast4(account);
				if (roll < 3 && purchases > 0) {
					int p = random.nextInt(Math.min(purchases, ring));
					long amount = 1 + random.nextLong(purchaseAmounts[p]);
					if (purchaseIds[p] != null) {
						out.detail(amount, id, accountId(purchaseAccounts[p]), "REFUND", Long.toString(amount), "JPY",
								at, MERCHANTS[merchant], MCCS[merchant], last4, purchaseIds[p]);
						// one refund per purchase keeps the sum within it
						purchaseIds[p] = null;
						continue;
					}
				}
				if (roll >= 90 && roll < 97) {
					long amount = 10_000L * (1 + random.nextInt(10));
					out.detail(amount, id, accountId(account), "CASH_ADVANCE", Long.toString(amount), "JPY", at,
							"ATM キャッシング", "6011", last4, "");
				}
				else if (roll >= 97) {
					long amount = random.nextInt(2) == 0 ? 550 : 1_100;
					out.detail(amount, id, accountId(account), "FEE", Long.toString(amount), "JPY", at, "年会費", "",
							last4, "");
				}
				else {
					long amount = 100 + random.nextInt(30_000);
					out.detail(amount, id, accountId(account), "PURCHASE", Long.toString(amount), "JPY", at,
							MERCHANTS[merchant], MCCS[merchant], last4, "");
					int slot = purchases % ring;
					purchaseIds[slot] = id;
					purchaseAccounts[slot] = account;
					purchaseAmounts[slot] = amount;
					purchases++;
				}
			}
		}
	}

	public void writeRepayments(Path file, int count) throws IOException {
		SplittableRandom random = new SplittableRandom(this.seed + 2);
		String[] channels = { "ATM", "ATM", "ATM", "ATM", "BANK_TRANSFER", "DIRECT_DEBIT" };
		try (Records out = new Records(file, "RP", this.businessDate)) {
			for (int n = 1; n <= count; n++) {
				int account = random.nextInt(this.accounts);
				long amount = 1_000L * (3 + random.nextInt(98));
				String channel = channels[random.nextInt(channels.length)];
				out.detail(amount, "RP" + this.yyyymmdd + "N" + zeroPadded(n, 8), accountId(account),
						Long.toString(amount), timestamp(random), channel,
						"ATM".equals(channel) ? "CVS" + zeroPadded(random.nextInt(60_000), 5) : "");
			}
		}
	}

	public void writeApplications(Path file, int count) throws IOException {
		SplittableRandom random = new SplittableRandom(this.seed + 3);
		String[] employment = { "会社員", "会社員", "公務員", "自営業", "パート・アルバイト", "学生", "年金受給者" };
		try (Records out = new Records(file, "APP", this.businessDate)) {
			for (int n = 1; n <= count; n++) {
				String[] surname = SURNAMES[random.nextInt(SURNAMES.length)].split(",");
				String[] given = GIVEN[random.nextInt(GIVEN.length)].split(",");
				LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(20_800));
				LocalDate applied = this.businessDate.minusDays(random.nextInt(20));
				long income = 1_000_000L * (1 + random.nextInt(12));
				long requestedCash = random.nextInt(3) == 0 ? 0 : 100_000L * (1 + random.nextInt(5));
				long requestedShopping = 100_000L * (1 + random.nextInt(10));
				int ekyc = random.nextInt(100);
				boolean checked = random.nextInt(10) != 0;
				out.detail(requestedShopping, "APP" + this.yyyymmdd + "N" + zeroPadded(n, 6),
						applied + "T" + zeroPadded(8 + random.nextInt(14), 2) + ":" + zeroPadded(random.nextInt(60), 2)
								+ ":00+09:00",
						random.nextInt(10) < 8 ? "PENDING_REVIEW" : "APPROVED", surname[0] + " " + given[0],
						surname[1] + " " + given[1], birth.toString(),
						zeroPadded(100 + random.nextInt(800), 3) + "-" + zeroPadded(random.nextInt(10_000), 4),
						PREFECTURES[random.nextInt(PREFECTURES.length)],
						"090-" + zeroPadded(random.nextInt(10_000), 4) + "-" + zeroPadded(random.nextInt(10_000), 4),
						random.nextInt(20) == 0 ? "" : Long.toString(income),
						employment[random.nextInt(employment.length)], Long.toString(requestedShopping),
						Long.toString(requestedCash), Long.toString(100_000L * random.nextInt(20)),
						ekyc < 85 ? "PASSED" : ekyc < 95 ? "PENDING" : "FAILED", checked ? "CHECKED" : "NOT_CHECKED",
						checked ? Long.toString(100_000L * random.nextInt(30)) : "",
						checked ? Boolean.toString(random.nextInt(25) == 0) : "");
			}
		}
	}

	public void writeWatchlist(Path file, int count) throws IOException {
		SplittableRandom random = new SplittableRandom(this.seed + 4);
		try (Records out = new Records(file, "WL", this.businessDate)) {
			for (int n = 1; n <= count; n++) {
				String[] surname = SURNAMES[random.nextInt(SURNAMES.length)].split(",");
				String[] given = GIVEN[random.nextInt(GIVEN.length)].split(",");
				LocalDate birth = LocalDate.of(1945, 1, 1).plusDays(random.nextInt(20_000));
				out.detail(0, "WL" + zeroPadded(n, 6), random.nextInt(4) == 0 ? "FOREIGN_PEP" : "ANTISOCIAL",
						surname[1] + " " + given[1], surname[0] + given[0],
						random.nextInt(3) == 0 ? "" : birth.toString());
			}
		}
	}

	private int liveAccount(SplittableRandom random) {
		while (true) {
			int account = random.nextInt(this.accounts);
			if (!"CLOSED".equals(status(account))) {
				return account;
			}
		}
	}

	private String timestamp(SplittableRandom random) {
		int seconds = random.nextInt(86_400);
		return this.businessDate + "T" + zeroPadded(seconds / 3600, 2) + ":" + zeroPadded((seconds / 60) % 60, 2) + ":"
				+ zeroPadded(seconds % 60, 2) + "+09:00";
	}

	/**
	 * An H / D... / T file, with the trailer's count and total kept as rows are written.
	 */
	static final class Records implements AutoCloseable {

		private final Writer out;

		private long count;

		private long total;

		Records(Path file, String sender, LocalDate businessDate) throws IOException {
			this.out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
					1 << 16);
			this.out.write("H," + sender + businessDate.format(DateTimeFormatter.BASIC_ISO_DATE) + "," + businessDate
					+ "," + sender + "-SYSTEM," + businessDate + "T01:00:00+09:00\n");
		}

		/**
		 * One D record; {@code money} is added to the trailer's amount_total. Fields are
		 * written as given.
		 */
		void detail(long money, String... fields) throws IOException {
			this.out.write('D');
			for (String field : fields) {
				this.out.write(',');
				this.out.write(field);
			}
			this.out.write('\n');
			this.count++;
			this.total += money;
		}

		@Override
		public void close() throws IOException {
			this.out.write("T," + this.count + "," + this.total + "\n");
			this.out.close();
		}

	}

}
