package io.outboundcalls.app.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

/**
 * Marks a data directory as owned by the running service: an operating-system lock on
 * {@code <data-dir>/postgres.lock}, held as long as the service's JVM lives and released by the
 * operating system however that JVM ends (even {@code kill -9}). The file holds the owner's pid for
 * the message a second start gives. While a service holds the lock, a PostgreSQL on that directory
 * is its own; once nobody holds it, a PostgreSQL still running there is an orphan.
 */
final class DataDirectoryLock implements AutoCloseable {

    static final String FILE_NAME = "postgres.lock";

    /**
     * Directories locked by this JVM. Java's file locks belong to the process, and closing any channel
     * on the file would drop them, so a second start inside the same JVM must not open the file at all.
     */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path dataDirectory;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(Path dataDirectory, FileChannel channel, FileLock lock) {
        this.dataDirectory = dataDirectory;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the directory or refuses with {@link DataDirectoryInUseException} naming the owner's pid. */
    static DataDirectoryLock acquire(Path dataDirectory) throws IOException {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        long self = ProcessHandle.current().pid();
        if (!HELD_HERE.add(directory)) {
            throw new DataDirectoryInUseException(directory, Long.toString(self));
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(directory.resolve(FILE_NAME), CREATE, READ, WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new DataDirectoryInUseException(directory, owner(channel));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((self + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(true);
            return new DataDirectoryLock(directory, channel, lock);
        } catch (IOException | RuntimeException e) {
            HELD_HERE.remove(directory);
            if (channel != null) {
                channel.close();
            }
            throw e;
        }
    }

    /** The pid the owner wrote; it may not have written it yet in the instant after taking the lock. */
    private static String owner(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        String pid = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
        return pid.isEmpty() ? "(unknown pid)" : pid;
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            HELD_HERE.remove(dataDirectory);
        }
    }

    /** A second service on a live data directory: it must not touch the running one's PostgreSQL. */
    static final class DataDirectoryInUseException extends IllegalStateException {

        DataDirectoryInUseException(Path directory, String ownerPid) {
            super("The data directory " + directory + " is in use by process " + ownerPid
                    + ": stop that service first, or give this one another outboundcalls.data-dir");
        }
    }
}
