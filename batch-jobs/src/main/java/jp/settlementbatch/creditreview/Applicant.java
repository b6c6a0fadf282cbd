package jp.settlementbatch.creditreview;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An application waiting for review, with what the database knows about it: whether it
 * matches the watch list, whether an earlier application of the same applicant exists,
 * and when it was first listed (null if never).
 */
record Applicant(String applicationId, OffsetDateTime appliedAt, String nameKana, String nameKanji, LocalDate birthDate,
		Long annualIncome, String employmentType, long requestedShoppingLimit, long requestedCashLimit,
		Long declaredOtherDebt, String bureauStatus, Long bureauDebtTotal, Boolean bureauDelinquent,
		LocalDate firstListedOn, boolean watchlistMatch, boolean duplicateApplicant) {

}
