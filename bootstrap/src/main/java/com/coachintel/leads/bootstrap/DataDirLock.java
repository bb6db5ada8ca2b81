package com.coachintel.leads.bootstrap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The claim of one process on {@code LEADS_DATA_DIR}: an exclusive lock on {@code leads.lock}, holding the owner's PID.
 * The operating system drops the lock when the process ends, even by SIGKILL; so whoever takes it knows that no live
 * Leads process uses the directory, and that a PostgreSQL still running there is an orphan.
 */
final class DataDirLock implements AutoCloseable {

    static final String FILE = "leads.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock at once, or refuses naming the process that holds it. */
    static DataDirLock take(Path dataDir, Path pgData) {
        Path file = dataDir.resolve(FILE);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this very JVM
            }
            if (lock == null) {
                String owner = Files.readString(file, StandardCharsets.UTF_8).strip();
                String postmaster = OrphanedPostgres.postmasterPid(pgData).map(pid -> "; its PostgreSQL is PID " + pid)
                        .orElse("");
                channel.close();
                throw new ConfigException(LeadsConfig.DATA_DIR + "=" + dataDir + " is in use by another Leads process"
                        + (owner.isEmpty() ? "" : " (PID " + owner + ")") + postmaster + ". Stop that process first, or give"
                        + " this one a data directory of its own (" + LeadsConfig.DATA_DIR + "), or use DATABASE_URL to"
                        + " share one PostgreSQL between processes.");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new DataDirLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new ConfigException(LeadsConfig.DATA_DIR + " must be a directory this process can write, got '" + dataDir
                    + "' (could not lock " + file + ": " + e.getMessage() + ")");
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }
}
