package jp.settlementbatch.notification;

import java.math.BigDecimal;
import java.time.LocalDate;

import jp.settlementbatch.ledger.Accrued;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notification line of files.md: its keys in order, integer yen, null when nothing is
 * due.
 */
class InterestNoticeTests {

	@Test
	void aLineHasTheKeysOfFilesMdInOrder() {
		InterestNotice notice = new InterestNotice("1000000001", LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 1),
				0, 95_232, LocalDate.of(2026, 12, 28), 3_000, 0, 0);

		assertThat(notice.toJson()).isEqualTo(
				"{\"account_id\":\"1000000001\",\"business_date\":\"2026-11-30\",\"cycle_start\":\"2026-12-01\",\"interest_accrued_cycle_to_date\":0,\"interest_bearing_balance\":95232,\"next_due_date\":\"2026-12-28\",\"minimum_payment_due\":3000,\"days_overdue\":0,\"late_charge_accrued\":0}");
	}

	@Test
	void nothingDueIsNull() {
		InterestNotice notice = new InterestNotice("1000000003", LocalDate.of(2026, 10, 20), LocalDate.of(2026, 10, 16),
				Accrued.NONE.plus(true, 365, new BigDecimal("3599995")).postedInterest(), 200_000, null, 0, 0, 0);

		assertThat(notice.toJson()).contains("\"interest_accrued_cycle_to_date\":98,")
			.contains("\"next_due_date\":null,");
	}

}
