package jp.settlementbatch.support.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/** One kind of place files live in. */
public interface Storage {

	/** The object at {@code uri}, or empty when there is none. */
	Optional<StoredObject> stat(String uri);

	/**
	 * The URIs of the objects whose URI starts with {@code prefix} (for a local path: in
	 * the prefix's folder and the folders below it, two levels deep), in name order.
	 */
	List<FileStore.Listed> list(String prefix);

	/**
	 * Streams the object from {@code offset}, refusing with {@link InputChangedException}
	 * when it is no longer the pinned version.
	 */
	InputStream open(StoredObject pinned, long offset) throws IOException;

	/**
	 * Writes an object atomically: readers see the old content or the whole new content.
	 */
	void write(String uri, ContentWriter content) throws IOException;

	@FunctionalInterface
	interface ContentWriter {

		void writeTo(OutputStream out) throws IOException;

	}

}
