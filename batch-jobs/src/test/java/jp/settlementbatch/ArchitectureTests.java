package jp.settlementbatch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * How the code is laid out, checked: the money rules are plain Java, features depend on
 * {@code support} and never the reverse, and no package depends on a package that depends
 * on it.
 */
class ArchitectureTests {

	static final JavaClasses PRODUCT = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("jp.settlementbatch");

	@Test
	void theMoneyRulesUseNoDatabaseAndNoSpring() {
		noClasses().that()
			.haveFullyQualifiedName("jp.settlementbatch.ledger.Position")
			.or()
			.haveFullyQualifiedName("jp.settlementbatch.ledger.LedgerAccount")
			.or()
			.haveFullyQualifiedName("jp.settlementbatch.interest.Accruals")
			.or()
			.haveFullyQualifiedName("jp.settlementbatch.interest.DailyAccrual")
			.or()
			.haveFullyQualifiedName("jp.settlementbatch.statement.StatementClose")
			.or()
			.haveFullyQualifiedName("jp.settlementbatch.statement.StatementCycle")
			.or()
			.haveFullyQualifiedName("jp.settlementbatch.statement.MinimumPayment")
			.or()
			.haveFullyQualifiedName("jp.settlementbatch.repayment.Allocation")
			.or()
			.haveFullyQualifiedName("jp.settlementbatch.account.InterestRateCap")
			.or()
			.haveFullyQualifiedName("jp.settlementbatch.creditreview.CreditReview")
			.or()
			.haveFullyQualifiedName("jp.settlementbatch.creditreview.NameNormalizer")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("java.sql..", "javax.sql..", "org.springframework..")
			.check(PRODUCT);
	}

	@Test
	void supportDependsOnNoFeature() {
		noClasses().that()
			.resideInAPackage("jp.settlementbatch.support..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("jp.settlementbatch.account..", "jp.settlementbatch.calendar..",
					"jp.settlementbatch.cashflow..", "jp.settlementbatch.creditreview..",
					"jp.settlementbatch.interest..", "jp.settlementbatch.ledger..", "jp.settlementbatch.notification..",
					"jp.settlementbatch.repayment..", "jp.settlementbatch.statement..", "jp.settlementbatch.day..",
					"jp.settlementbatch.bench..", "jp.settlementbatch.cli..")
			.check(PRODUCT);
	}

	@Test
	void noPackageCycles() {
		slices().matching("jp.settlementbatch.(**)").should().beFreeOfCycles().check(PRODUCT);
	}

}
