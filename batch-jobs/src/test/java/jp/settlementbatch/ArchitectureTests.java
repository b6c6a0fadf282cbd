package jp.settlementbatch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
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

	/**
	 * The money rules: plain classes, each named here so that a move breaks this test.
	 */
	static final List<String> MONEY_RULES = List.of("jp.settlementbatch.ledger.Position",
			"jp.settlementbatch.ledger.LedgerAccount", "jp.settlementbatch.ledger.StatementCycle",
			"jp.settlementbatch.ledger.Allocation", "jp.settlementbatch.ledger.AmountsDue",
			"jp.settlementbatch.interest.Accruals", "jp.settlementbatch.interest.DailyAccrual",
			"jp.settlementbatch.statement.StatementClose", "jp.settlementbatch.statement.MinimumPayment",
			"jp.settlementbatch.account.InterestRateCap", "jp.settlementbatch.creditreview.CreditReview",
			"jp.settlementbatch.creditreview.NameNormalizer", "jp.settlementbatch.calendar.BusinessCalendar");

	@Test
	void theMoneyRulesUseNoDatabaseAndNoSpring() {
		assertThat(MONEY_RULES).allSatisfy(name -> assertThat(PRODUCT.contain(name)).as(name + " exists").isTrue());
		noClasses()
			.that(DescribedPredicate.describe("are money rules",
					(JavaClass type) -> MONEY_RULES.contains(type.getName())))
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
					"jp.settlementbatch.bench..", "jp.settlementbatch.cli..", "jp.settlementbatch.console..")
			.check(PRODUCT);
	}

	@Test
	void theApplicationClassDependsOnNoPackageOfItsOwn() {
		// the slices below leave the root package out; its one class only configures
		noClasses().that()
			.resideInAPackage("jp.settlementbatch")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("jp.settlementbatch.(*)..")
			.check(PRODUCT);
	}

	@Test
	void noPackageCycles() {
		slices().matching("jp.settlementbatch.(**)").should().beFreeOfCycles().check(PRODUCT);
	}

	/**
	 * Two classes of the record-file reader, the import's innermost loop, are over the
	 * size the rest keeps; they are to be reshaped with the import's reader, processor
	 * and writer, and may not grow meanwhile.
	 */
	static final Map<String, Integer> OVER_300_LINES = Map.of("support/csv/LineSource.java", 372,
			"support/csv/RecordFileReader.java", 357);

	@Test
	void noClassOfTheProductIsOver300Lines() throws IOException {
		Path root = Path.of("src/main/java/jp/settlementbatch");
		try (Stream<Path> sources = Files.walk(root)) {
			assertThat(sources.filter(path -> path.toString().endsWith(".java"))).allSatisfy(path -> {
				String name = root.relativize(path).toString().replace('\\', '/');
				long lines = Files.readAllLines(path).size();
				assertThat(lines).as(name).isLessThanOrEqualTo(OVER_300_LINES.getOrDefault(name, 300));
			});
		}
	}

}
