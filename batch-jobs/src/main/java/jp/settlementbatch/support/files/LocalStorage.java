package jp.settlementbatch.support.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/** Plain paths and {@code file:} URIs. */
final class LocalStorage implements Storage {

	static Path path(String uri) {
		return uri.startsWith("file:") ? Path.of(URI.create(uri)) : Path.of(uri);
	}

	@Override
	public Optional<StoredObject> stat(String uri) {
		Path path = path(uri);
		try {
			BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
			if (!attributes.isRegularFile()) {
				return Optional.empty();
			}
			return Optional.of(new StoredObject(uri, path.getFileName().toString(), attributes.size(),
					attributes.size() + "@" + attributes.lastModifiedTime().toMillis()));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	@Override
	public InputStream open(StoredObject pinned, long offset) throws IOException {
		StoredObject now = stat(pinned.uri())
			.orElseThrow(() -> new InputChangedException(pinned.name() + " is no longer at " + pinned.uri()));
		if (!now.version().equals(pinned.version())) {
			throw new InputChangedException(pinned.name() + " was replaced since the run started (size and time "
					+ pinned.version() + " became " + now.version() + ")");
		}
		FileChannel channel = FileChannel.open(path(pinned.uri()), StandardOpenOption.READ);
		channel.position(offset);
		return Channels.newInputStream(channel);
	}

	@Override
	public void write(String uri, ContentWriter content) throws IOException {
		Path target = path(uri).toAbsolutePath();
		Files.createDirectories(target.getParent());
		Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
		try {
			try (OutputStream out = Files.newOutputStream(temporary)) {
				content.writeTo(out);
			}
			try {
				Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

}
