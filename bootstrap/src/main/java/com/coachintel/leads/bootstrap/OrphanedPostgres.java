package com.coachintel.leads.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL left running on the data directory by a Leads process that was killed (SIGKILL, OOM killer): it keeps
 * the directory, and a new server could not start on it. Called only under {@link DataDirLock}, which proves that the
 * process that started it is gone. It is stopped only when it provably serves exactly this directory: the PID in
 * {@code postmaster.pid} is alive, is a {@code postgres} process, and was started with {@code -D} this directory.
 * Anything else is refused with the PID and what to do, since stopping a database someone still uses is far worse
 * than not starting.
 */
final class OrphanedPostgres {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanedPostgres.class);

    /** How long a smart shutdown may take: the orphan's clients died with their process. */
    static final long STOP_WAIT_SECONDS = 30;

    private OrphanedPostgres() {
    }

    /** The PID in {@code postmaster.pid}, when the file is there. */
    static Optional<Long> postmasterPid(Path pgData) {
        try {
            List<String> lines = Files.readAllLines(pgData.resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty(); // no file (NoSuchFileException), or not one PostgreSQL wrote
        }
    }

    static void stopIfAny(Path pgData) {
        Optional<ProcessHandle> running = postmasterPid(pgData).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (running.isEmpty()) {
            return; // no file, or a stale one: PostgreSQL replaces it itself
        }
        ProcessHandle postmaster = running.get();
        if (!servesExactly(postmaster, pgData)) {
            throw new IllegalStateException("PID " + postmaster.pid() + " in " + pgData.resolve("postmaster.pid")
                    + " is alive but is not provably the PostgreSQL of this data directory, so Leads leaves it alone. If it"
                    + " is a PostgreSQL on this directory, stop it (pg_ctl stop -D " + pgData + "); if no PostgreSQL runs"
                    + " here, delete postmaster.pid.");
        }
        LOG.warn("Stopping the embedded PostgreSQL (PID {}) that a Leads process left running on {} when it ended"
                + " without stopping it", postmaster.pid(), pgData);
        postmaster.destroy(); // SIGTERM: PostgreSQL's smart shutdown, a clean checkpoint
        try {
            postmaster.onExit().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the orphaned PostgreSQL (PID " + postmaster.pid() + ") on " + pgData
                    + " did not stop within " + STOP_WAIT_SECONDS + " s of SIGTERM; stop it with pg_ctl stop -m fast -D "
                    + pgData + " and start again");
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not wait for PID " + postmaster.pid() + " to stop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping PID " + postmaster.pid(), e);
        }
    }

    /** {@code postgres ... -D <pgData> ...}, read from the process table. */
    private static boolean servesExactly(ProcessHandle process, Path pgData) {
        ProcessHandle.Info info = process.info();
        boolean postgres = info.command().map(command -> Path.of(command).getFileName().toString().equals("postgres"))
                .orElse(false);
        String[] arguments = info.arguments().orElse(new String[0]);
        for (int i = 0; i + 1 < arguments.length; i++) {
            if (arguments[i].equals("-D") && samePath(Path.of(arguments[i + 1]), pgData)) {
                return postgres;
            }
        }
        return false;
    }

    private static boolean samePath(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
