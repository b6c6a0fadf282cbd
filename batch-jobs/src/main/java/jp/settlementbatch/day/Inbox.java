package jp.settlementbatch.day;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jp.settlementbatch.support.files.FileStore;
import jp.settlementbatch.support.files.InputMissingException;
import jp.settlementbatch.support.intake.InboundFile;

/**
 * Where the inbound files are: one folder or S3 prefix for every date, or, when the
 * location holds {@code {date}}, one folder per date (e.g. {@code sample-files/{date}}).
 * Finds the files of a date by name, and every dated file there is, whatever its date.
 */
public final class Inbox {

	private static final String DATE = "{date}";

	private final FileStore files;

	private final String location;

	public Inbox(FileStore files, String location) {
		if (location == null) {
			throw new IllegalArgumentException("Say where the files are: --inbox=URI (or SETTLEMENT_INBOX).");
		}
		this.files = files;
		this.location = location;
	}

	/** One dated inbound file found in the inbox. */
	public record Found(InboundFile file, LocalDate date, String uri, String name, long size) {

	}

	public String location() {
		return this.location;
	}

	/** The folder or prefix of {@code date}'s files. */
	public String folder(LocalDate date) {
		return this.location.replace(DATE, date.toString());
	}

	/** Where {@code file} of {@code date} is, when it is there. */
	public String locate(InboundFile file, LocalDate date) {
		return FileStore.resolve(folder(date), file.fileName(date));
	}

	/**
	 * Whether {@code file} of {@code date} is there, by listing its name: the file
	 * manifest's task may list the inbox, not read it.
	 */
	public boolean has(InboundFile file, LocalDate date) {
		String uri = locate(file, date);
		return this.files.list(uri).stream().anyMatch(object -> object.uri().equals(uri));
	}

	/**
	 * Every file of {@code kinds} in the inbox, whatever its date, in date order. A name
	 * counts only where the file of its date belongs: in a per-date layout, in the folder
	 * of the date its name carries. One listing per kind (a flat S3 prefix is listed by
	 * the kind's name prefix, which the task roles allow), or one for a per-date layout.
	 */
	public List<Found> find(List<InboundFile> kinds) {
		List<Found> found = new ArrayList<>();
		int at = this.location.indexOf(DATE);
		if (at >= 0) {
			List<FileStore.Listed> listed = this.files.list(this.location.substring(0, at));
			for (InboundFile kind : kinds) {
				collect(kind, listed, found);
			}
		}
		else {
			for (InboundFile kind : kinds) {
				String prefix = kind.fileName().substring(0, kind.fileName().indexOf("%s"));
				collect(kind, this.files.list(FileStore.resolve(this.location, prefix)), found);
			}
		}
		found.sort(Comparator.comparing(Found::date).thenComparing(Found::name));
		return found;
	}

	/**
	 * An object in the inbox whose name is near the expected name of a file of the date
	 * (another case, a copy suffix such as {@code " (1)"}, stray spaces, a subfolder),
	 * but is not it: nothing takes it in, so an operator is told which name it probably
	 * meant.
	 */
	public record NearMiss(String uri, String name, InboundFile meant, String meantName) {

	}

	/** The near misses of {@code date}'s files (files.md: nothing ignored silently). */
	public List<NearMiss> nearMisses(LocalDate date) {
		List<FileStore.Listed> listed;
		try {
			listed = this.files.list(this.location.contains(DATE) ? folder(date) + "/" : this.location);
		}
		catch (RuntimeException denied) {
			// a task allowed to list only the prefixes of its own files
			listed = new ArrayList<>();
			for (InboundFile kind : InboundFile.values()) {
				String prefix = kind.fileName().contains("%s")
						? kind.fileName().substring(0, kind.fileName().indexOf("%s")) : kind.fileName();
				listed.addAll(this.files.list(FileStore.resolve(folder(date), prefix)));
			}
		}
		List<NearMiss> misses = new ArrayList<>();
		for (FileStore.Listed object : listed) {
			String name = object.uri().substring(object.uri().lastIndexOf('/') + 1);
			for (InboundFile kind : InboundFile.values()) {
				String expected = kind.fileName(date);
				if (!object.uri().equals(locate(kind, date)) && looksLike(name, expected)) {
					misses.add(new NearMiss(object.uri(), name, kind, expected));
				}
			}
		}
		return misses;
	}

	/**
	 * {@code absent}, saying which object of the inbox the missing file of {@code job}
	 * probably is, when one is near its name.
	 */
	public InputMissingException explain(InputMissingException absent, String job, LocalDate date) {
		List<NearMiss> misses = nearMisses(date).stream()
			.filter(miss -> InboundFile.of(job).contains(miss.meant()))
			.toList();
		if (misses.isEmpty()) {
			return absent;
		}
		NearMiss miss = misses.get(0);
		return new InputMissingException(miss.meantName() + " is not there; the inbox has \"" + miss.name() + "\" ("
				+ miss.uri() + "): rename it " + miss.meantName() + " if it is that file.");
	}

	/**
	 * Whether {@code name} is {@code expected} but for case, spaces and a copy suffix
	 * ({@code " (1)"}, {@code "-2"} before the extension is not one: that is another
	 * file).
	 */
	static boolean looksLike(String name, String expected) {
		String near = name.toLowerCase(java.util.Locale.ROOT)
			.replaceAll("\\s*\\(\\d+\\)(?=\\.[a-z]+\\s*$)", "")
			.replaceAll("\\s+", "");
		return near.equals(expected);
	}

	private void collect(InboundFile kind, List<FileStore.Listed> listed, List<Found> found) {
		for (FileStore.Listed object : listed) {
			String name = object.uri().substring(object.uri().lastIndexOf('/') + 1);
			LocalDate date = kind.dateIn(name);
			if (date != null && object.uri().equals(locate(kind, date))) {
				found.add(new Found(kind, date, object.uri(), name, object.size()));
			}
		}
	}

}
