package jp.settlementbatch.day;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jp.settlementbatch.support.config.RunParameters;
import jp.settlementbatch.support.config.Settings;
import jp.settlementbatch.support.files.FileStore;
import jp.settlementbatch.support.files.InputMissingException;
import jp.settlementbatch.support.files.StoredObject;
import jp.settlementbatch.support.intake.InboundFile;
import jp.settlementbatch.support.intake.IntakeInput;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The parameters of one run: business date (identifying), the pinned inputs of an import
 * (SHA-256 identifying), the partition of a partitioned job (identifying), the outbox and
 * tolerances (not identifying). Inputs are located and hashed before anything runs, so a
 * missing file is exit 4 and touches nothing.
 */
public final class JobInputs {

	private JobInputs() {
	}

	/** Where a job's inputs are: one named file, or an inbox folder/prefix. */
	public record Sources(String input, String inbox) {

		String locate(InboundFile file, LocalDate businessDate) {
			if (this.input != null) {
				if (IntakeInput.INPUT.equals(file.parameterPrefix())) {
					return this.input;
				}
				int slash = this.input.lastIndexOf('/');
				String folder = slash < 0 ? "" : this.input.substring(0, slash + 1);
				return folder + file.fileName(businessDate);
			}
			if (this.inbox == null) {
				throw new IllegalArgumentException(
						"Say where the input is: --input=URI for one file, or --inbox=URI (or SETTLEMENT_INBOX) for the day's folder.");
			}
			return FileStore.resolve(this.inbox, file.fileName(businessDate));
		}

	}

	/**
	 * Parameters for {@code job}: the run's own, and the inputs it is pinned to; throws
	 * {@link InputMissingException} when its input is not there (for import-applications:
	 * neither the applications file nor the watch list). Only plan-partitions has a
	 * partition count: {@code SETTLEMENT_PARTITIONS} (else 8) when the run names none.
	 */
	public static JobParameters resolve(String job, RunParameters run, Sources sources, FileStore files) {
		return resolve(job, run, sources, files, Settings.fromEnvironment().settlement().partitions());
	}

	/** As above, {@code defaultPartitions} planned when the run names no count. */
	public static JobParameters resolve(String job, RunParameters run, Sources sources, FileStore files,
			int defaultPartitions) {
		LocalDate businessDate = run.businessDate();
		RunParameters planned = "plan-partitions".equals(job)
				? run.withPartitions(
						(run.partitions() != null && run.partitions() > 0) ? run.partitions() : defaultPartitions)
				: run.withPartitions(null);
		JobParametersBuilder builder = planned.toBuilder();
		List<InboundFile> inbound = InboundFile.of(job);
		List<String> missing = new ArrayList<>();
		int present = 0;
		for (InboundFile file : inbound) {
			String uri = sources.locate(file, businessDate);
			Optional<StoredObject> object = files.stat(uri);
			if (object.isEmpty()) {
				missing.add(uri);
				IntakeInput.addAbsent(builder, file.parameterPrefix());
				continue;
			}
			present++;
			try {
				new IntakeInput(object.get(), files.sha256(object.get())).addTo(builder, file.parameterPrefix());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not read " + uri + ": " + ex.getMessage(), ex);
			}
		}
		if (!inbound.isEmpty() && present == 0) {
			throw new InputMissingException(String.join(" and ", missing) + (missing.size() > 1 ? " are" : " is")
					+ " not there (yet). Retry when the file has arrived.");
		}
		return builder.toJobParameters();
	}

}
