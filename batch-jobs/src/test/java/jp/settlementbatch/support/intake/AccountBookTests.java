package jp.settlementbatch.support.intake;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jp.settlementbatch.support.intake.FileKind.Accounts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class AccountBookTests {

	/**
	 * Accounts 1000000101 to 1000000200 without 1000000150, where 1000000120 and
	 * 1000000200 are closed; with a far outlier when {@code sparse}.
	 */
	private static AccountBook book(boolean sparse) {
		Map<String, Boolean> accounts = new LinkedHashMap<>();
		for (long id = 1_000_000_101L; id <= 1_000_000_200L; id++) {
			if (id != 1_000_000_150L) {
				accounts.put(Long.toString(id), id == 1_000_000_120L || id == 1_000_000_200L);
			}
		}
		accounts.put("ABC0000001", false); // not ten digits: no line can name it
		if (sparse) {
			accounts.put("9000000000", false);
		}
		return AccountBook.of(accounts);
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void answersEachLineTheSameWhetherTheIdsLieCloseTogetherOrNot(boolean sparse) {
		// given a book of accounts whose ids are close together, or not
		AccountBook book = book(sparse);
		assertThat(book.dense()).isEqualTo(!sparse);

		// then open accounts pass, at both ends of the range too
		for (String id : new String[] { "1000000101", "1000000149", "1000000151", "1000000199" }) {
			assertThat(book.rejection(id, Accounts.OPEN)).as(id).isNull();
		}
		// and closed accounts exist, but are not open
		for (String id : new String[] { "1000000120", "1000000200" }) {
			assertThat(book.rejection(id, Accounts.EXISTING)).as(id).isNull();
			assertThat(book.rejection(id, Accounts.OPEN)).as(id).isEqualTo("ACCOUNT_CLOSED");
		}
		// and ids outside the range, in its gap, or of another shape are unknown
		for (String id : new String[] { "1000000100", "1000000201", "1000000150", "0000000000", "9999999999",
				"ABC0000001", "100000010", "10000001011", "" }) {
			assertThat(book.rejection(id, Accounts.EXISTING)).as(id).isEqualTo("UNKNOWN_ACCOUNT");
		}
		// and a file that names any account is not checked
		assertThat(book.rejection("1000000150", Accounts.ANY)).isNull();
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 63, 64, 65, 1000 })
	void holdsEveryAccountOfADenseRangeAcrossWordBoundaries(int count) {
		// given `count` consecutive accounts, every third one closed
		Map<String, Boolean> accounts = new LinkedHashMap<>();
		for (long id = 2_000_000_000L; id < 2_000_000_000L + count; id++) {
			accounts.put(Long.toString(id), (id - 2_000_000_000L) % 3 == 2);
		}
		AccountBook book = AccountBook.of(accounts);

		// then each is found with its status, and the ids just outside are not
		assertThat(book.dense()).isTrue();
		accounts.forEach((id, closed) -> assertThat(book.rejection(id, Accounts.OPEN)).as(id)
			.isEqualTo(closed ? "ACCOUNT_CLOSED" : null));
		assertThat(book.rejection("1999999999", Accounts.EXISTING)).isEqualTo("UNKNOWN_ACCOUNT");
		assertThat(book.rejection(Long.toString(2_000_000_000L + count), Accounts.EXISTING))
			.isEqualTo("UNKNOWN_ACCOUNT");
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 3, 7, 11, 4096 })
	void takesTheRowsOfTheAccountsCopyHoweverTheStreamCutsThem(int piece) {
		// given the text COPY of three accounts, one closed, and ids of other shapes: a
		// CHAR(10) shorter id comes padded, a longer one, letters, an escaped tab
		String copy = "1000000101\tf\n1000000102\tt\n1000000103\tf\n10000001 \tf\n10000001040\tf\n"
				+ "ABC0000001\tf\n10000\\t0001\tf\n";
		byte[] bytes = copy.getBytes(StandardCharsets.UTF_8);

		// when it streams in, in pieces of `piece` bytes
		AccountBook.Rows rows = new AccountBook.Rows();
		for (int at = 0; at < bytes.length; at += piece) {
			rows.write(bytes, at, Math.min(piece, bytes.length - at));
		}
		AccountBook book = rows.book();

		// then the three accounts are found with their status, and nothing else
		assertThat(book.rejection("1000000101", Accounts.OPEN)).isNull();
		assertThat(book.rejection("1000000102", Accounts.OPEN)).isEqualTo("ACCOUNT_CLOSED");
		assertThat(book.rejection("1000000102", Accounts.EXISTING)).isNull();
		assertThat(book.rejection("1000000103", Accounts.OPEN)).isNull();
		for (String id : new String[] { "1000000104", "1000000100", "0000000000", "1000000010", "1000010001" }) {
			assertThat(book.rejection(id, Accounts.EXISTING)).as(id).isEqualTo("UNKNOWN_ACCOUNT");
		}
		assertThat(book.dense()).isTrue();
	}

}
