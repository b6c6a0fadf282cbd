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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Plain paths and {@code file:} URIs. */
final class LocalStorage implements Storage {

	static Path path(String uri) {
		if (!uri.startsWith("file:")) {
			return Path.of(uri);
		}
		try {
			return Path.of(URI.create(uri));
		}
		catch (IllegalArgumentException notEncoded) {
			// a file: URI written with spaces or other characters as they are
			return Path.of(uri.substring("file:".length()).replaceFirst("^//", ""));
		}
	}

	@Override
	public Optional<StoredObject> stat(String uri) {
		Path path = path(uri);
		try {
			BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
			if (attributes.isDirectory()) {
				// Waiting would not help: a folder stands where a file belongs.
				throw new IllegalArgumentException(path + " is a folder, not a file. Name one file with --input, "
						+ "or the folder of the day's files with --inbox.");
			}
			if (!attributes.isRegularFile()) {
				return Optional.empty();
			}
			if (!Files.isReadable(path)) {
				throw new IllegalArgumentException(path + " cannot be read by user " + System.getProperty("user.name")
						+ " (permission denied). Give this user read access to it.");
			}
			return Optional.of(new StoredObject(uri, path.getFileName().toString(), attributes.size(),
					attributes.size() + "@" + attributes.lastModifiedTime().toMillis()));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	private static long size(Path path) {
		try {
			return Files.size(path);
		}
		catch (IOException ex) {
			return -1;
		}
	}

	@Override
	public List<FileStore.Listed> list(String prefix) {
		// the URIs found are the prefix followed by the rest of their path, so they read
		// as the names the caller builds (a plain path or a file: URI alike)
		boolean folderPrefix = prefix.endsWith("/");
		Path at = path(prefix).toAbsolutePath();
		Path folder = folderPrefix ? at : at.getParent();
		String start = at + (folderPrefix ? "/" : "");
		if (folder == null || !Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> paths = Files.walk(folder, 2)) {
			return paths.filter(Files::isRegularFile)
				.filter(p -> p.toAbsolutePath().toString().startsWith(start))
				.map(p -> new FileStore.Listed(prefix + p.toAbsolutePath().toString().substring(start.length()),
						size(p)))
				.sorted(Comparator.comparing(FileStore.Listed::uri))
				.toList();
		}
		catch (IOException ex) {
			throw new IllegalArgumentException(folder + " cannot be listed: " + ex.getMessage() + ". Give user "
					+ System.getProperty("user.name") + " read access to it.");
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

	/**
	 * Makes sure the folder exists and this process can write to it; a probe file is
	 * written and removed.
	 */
	static void requireWritableFolder(String uri) {
		Path folder = path(uri).toAbsolutePath();
		try {
			Files.createDirectories(folder);
			Files.delete(Files.createTempFile(folder, ".settlement-batch-", ".probe"));
		}
		catch (IOException | SecurityException ex) {
			String reason = (ex instanceof java.nio.file.FileAlreadyExistsException) ? "it is a file, not a folder"
					: (ex instanceof java.nio.file.AccessDeniedException) ? "permission denied"
							: (ex instanceof java.nio.file.FileSystemException fse && fse.getReason() != null)
									? fse.getReason() : ex.getClass().getSimpleName();
			throw new IllegalArgumentException("The outbox " + folder + " cannot be written (" + reason
					+ "). Point --outbox (or SETTLEMENT_OUTBOX) at a folder this user can write, or at an s3:// prefix.");
		}
	}

	@Override
	public void write(String uri, ContentWriter content) throws IOException {
		Path target = path(uri).toAbsolutePath();
		Path temporary;
		try {
			Files.createDirectories(target.getParent());
			temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
		}
		catch (IOException ex) {
			String reason = (ex instanceof java.nio.file.FileAlreadyExistsException)
					? ex.getMessage() + " is a file, not a folder" : (ex instanceof java.nio.file.AccessDeniedException)
							? "permission denied on " + ex.getMessage() : ex.toString();
			throw new IOException("Could not write " + target + " (" + reason + "). Make the outbox a folder this user "
					+ "can write, then run the same command again.", ex);
		}
		try {
			try (OutputStream out = Files.newOutputStream(temporary)) {
				content.writeTo(out);
			}
			catch (IOException ex) {
				// "No space left on device" says nothing of where
				throw new IOException("Could not write " + target + " (" + ex.getMessage() + "). Free space in "
						+ target.getParent() + " (or point --outbox elsewhere), then run the same command again.", ex);
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
