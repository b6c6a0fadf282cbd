package jp.settlementbatch.cli;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;

import jp.settlementbatch.support.batch.ExitCode;
import jp.settlementbatch.support.intake.FileReopenings;
import jp.settlementbatch.support.intake.ImportFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code settlement-batch retake <file> --business-date=D --reason=TEXT}: re-opens a file
 * rejected as a whole for a cause outside its bytes (the reject ratio it was judged by,
 * another file of its day), so that its next import decides afresh. Who, when and why are
 * recorded ({@code batch.file_reopening}); an accepted file is refused.
 */
@Command(name = "retake",
		description = "Re-open a file rejected as a whole for a cause outside its bytes (REJECT_RATIO_EXCEEDED,"
				+ " CONFLICTING_FILE): its next import decides again. Audited: who, when and why.")
class RetakeCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "<file>", description = "The file's name, e.g. cashflow_20261120.csv.")
	String file;

	@Option(names = "--business-date", required = true, paramLabel = "YYYY-MM-DD",
			description = "The business date of the file.")
	String businessDate;

	@Option(names = "--reason", required = true, description = "Why it is taken again, for the audit.")
	String reason;

	@Mixin
	CommonOptions common;

	@Override
	public Integer call() {
		LocalDate date = Jobs.businessDate(this.businessDate);
		if (this.reason.isBlank()) {
			throw new IllegalArgumentException("Say why the file is taken again: --reason=TEXT.");
		}
		return Platform.run(this.common, "retake", new String[] { "retake", this.file, "--business-date=" + date },
				Map.of(), platform -> {
					JdbcTemplate jdbc = platform.bean(JdbcTemplate.class);
					String who = Operator.who();
					FileReopenings.Refusal refusal = new FileReopenings(jdbc).retake(new ImportFiles(jdbc), this.file,
							date, this.reason, who);
					if (refusal != null) {
						System.err.println(refusal.message());
						return (refusal.usage() ? ExitCode.USAGE : ExitCode.INPUT_REJECTED).code();
					}
					System.out.println(this.file + " of " + date + " is re-opened (by " + who
							+ "): its next import decides again. Run its import for " + date
							+ ", or the day, as usual.");
					return ExitCode.COMPLETED.code();
				});
	}

}
