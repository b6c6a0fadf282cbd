package jp.settlementbatch.support.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** SQL kept in a {@code .sql} file next to the job that owns it. */
public final class SqlScript {

	private SqlScript() {
	}

	/** The text of resource {@code name} in the package of {@code owner}. */
	public static String load(Class<?> owner, String name) {
		try (InputStream in = owner.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("Missing SQL resource " + name + " next to " + owner.getName());
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
