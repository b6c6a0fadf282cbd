package jp.settlementbatch.support.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds the inbound files of a run of dates in the formats of files.md, one folder per
 * date ({@code <inbox>/<yyyy-MM-dd>/}), for ledger scenarios: accounts, cash flows,
 * repayments and the holiday calendar.
 */
public final class DayFiles {

	private final Map<LocalDate, List<String>> accounts = new TreeMap<>();

	private final Map<LocalDate, List<String>> cashFlows = new TreeMap<>();

	private final Map<LocalDate, List<String>> repayments = new TreeMap<>();

	/** An account line, taken in on {@code date}. */
	public DayFiles account(LocalDate date, String accountId, String method, long shoppingLimit, long cashLimit,
			String shoppingApr, String cashApr, int closingDay, int paymentDay) {
		this.accounts.computeIfAbsent(date, d -> new ArrayList<>())
			.add(String.join(",", "D", accountId, "C" + accountId, "ACTIVE", "2024-04-01", method,
					Long.toString(shoppingLimit), Long.toString(cashLimit), shoppingApr, cashApr,
					Integer.toString(closingDay), Integer.toString(paymentDay)));
		return this;
	}

	/**
	 * A cash flow in the file of business date {@code fileDate}, transacted on
	 * {@code valueDate} (earlier for a late file).
	 */
	public DayFiles cashFlow(LocalDate fileDate, LocalDate valueDate, String transactionId, String accountId,
			String type, long amount, String originalTransactionId) {
		this.cashFlows.computeIfAbsent(fileDate, d -> new ArrayList<>())
			.add(String.join(",", "D", transactionId, accountId, type, Long.toString(amount), "JPY",
					valueDate + "T12:00:00+09:00", type.equals("FEE") ? "年会費" : "コンビニエンスストア",
					type.equals("FEE") ? "" : "5411", "1234",
					originalTransactionId == null ? "" : originalTransactionId));
		return this;
	}

	public DayFiles repayment(LocalDate date, String repaymentId, String accountId, long amount) {
		return repayment(date, date, repaymentId, accountId, amount);
	}

	/**
	 * A repayment paid on {@code paidOn} in the file of business date {@code fileDate}
	 * (later for a weekend ATM payment or a late file).
	 */
	public DayFiles repayment(LocalDate fileDate, LocalDate paidOn, String repaymentId, String accountId, long amount) {
		this.repayments.computeIfAbsent(fileDate, d -> new ArrayList<>())
			.add(String.join(",", "D", repaymentId, accountId, Long.toString(amount), paidOn + "T10:00:00+09:00", "ATM",
					"CVS00001"));
		return this;
	}

	/**
	 * Writes the files of every date from {@code first} to {@code last}, as the senders
	 * of jobs.json send them: a cash-flow file every date (with no details when nothing
	 * happened), a repayment file every business day (empty when nothing was paid) and on
	 * any other date something was paid, accounts when they changed, and the Cabinet
	 * Office calendar (copied from {@code calendar}) on the first date.
	 */
	public void write(Path inbox, LocalDate first, LocalDate last, Path calendar, Set<LocalDate> holidays)
			throws IOException {
		for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
			writeDate(inbox, date, date.equals(first) ? calendar : null, holidays);
		}
	}

	/**
	 * Writes the files of {@code date} into its folder, as {@link #write} does, with the
	 * calendar when {@code calendar} is not null.
	 * @return the repayment file, or null when none is sent that date
	 */
	public Path writeDate(Path inbox, LocalDate date, Path calendar, Set<LocalDate> holidays) throws IOException {
		Path folder = Files.createDirectories(inbox.resolve(date.toString()));
		if (calendar != null) {
			Files.copy(calendar, folder.resolve("syukujitsu.csv"));
		}
		String day = date.format(DateTimeFormatter.BASIC_ISO_DATE);
		if (this.accounts.containsKey(date)) {
			write(folder.resolve("accounts_" + day + ".csv"), "ACC" + day, date, this.accounts.get(date), 6);
		}
		write(folder.resolve("cashflow_" + day + ".csv"), "CF" + day, date,
				this.cashFlows.getOrDefault(date, List.of()), 4);
		if (businessDay(date, holidays) || this.repayments.containsKey(date)) {
			Path file = folder.resolve("repayment_" + day + ".csv");
			write(file, "RP" + day, date, this.repayments.getOrDefault(date, List.of()), 3);
			return file;
		}
		return null;
	}

	/** A weekday that is not a public holiday. */
	public static boolean businessDay(LocalDate date, Set<LocalDate> holidays) {
		return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY
				&& !holidays.contains(date);
	}

	private static void write(Path file, String fileId, LocalDate date, List<String> details, int moneyField)
			throws IOException {
		StringBuilder text = new StringBuilder();
		text.append("H,")
			.append(fileId)
			.append(',')
			.append(date)
			.append(",SENDER,")
			.append(date)
			.append("T01:00:00+09:00\n");
		long total = 0;
		for (String detail : details) {
			text.append(detail).append('\n');
			total += Long.parseLong(detail.split(",", -1)[moneyField]);
		}
		text.append("T,").append(details.size()).append(',').append(total).append('\n');
		Files.writeString(file, text, StandardCharsets.UTF_8);
	}

}
