package com.coachintel.leads.adapter.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of its own, for fault tests: {@link #pause()} sends SIGSTOP to the postmaster and every one of
 * its backends, as a frozen host or a network partition would leave them, and {@link #resume()} sends SIGCONT. The
 * shared {@link TestPostgres} server is never paused, so other tests in the JVM are not affected.
 */
public final class PausablePostgres implements AutoCloseable {

    private final EmbeddedPostgres server;
    private final Path dataDir;

    private PausablePostgres(EmbeddedPostgres server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
    }

    /** Starts the server and creates a database {@code leads} with the full schema. */
    public static PausablePostgres start() {
        try {
            Path dataDir = Files.createTempDirectory("leads-pausable-pg");
            EmbeddedPostgres server = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(true)
                    .setLocaleConfig("locale-provider", "builtin").setLocaleConfig("builtin-locale", "C.UTF-8").start();
            try (var connection = server.getPostgresDatabase().getConnection();
                    var statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE leads");
            }
            PausablePostgres postgres = new PausablePostgres(server, dataDir);
            try (TestDatabase database = postgres.database()) {
                new PostgresPersistence(database.dataSource()).schemaMigrator().migrate();
            }
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The database {@code leads}, with a pool of its own; the caller closes it. */
    public TestDatabase database() {
        return new TestDatabase(server, "leads");
    }

    public int port() {
        return server.getPort();
    }

    /** Freezes the server: connections stay open, nothing answers, new connections hang. */
    public void pause() {
        signal("STOP");
    }

    /** Lets the server run again. */
    public void resume() {
        signal("CONT");
    }

    private void signal(String name) {
        long postmaster = postmasterPid();
        List<Long> pids = new ArrayList<>(List.of(postmaster));
        pids.addAll(childrenOf(postmaster));
        try {
            int exit = kill(name, pids);
            // A backend may end between the listing and the signal (once the postmaster runs again, a backend whose
            // client left exits): kill then fails for it alone. Those still there must get the signal.
            List<Long> remaining = pids.stream().filter(pid -> Files.exists(Path.of("/proc", Long.toString(pid)))).toList();
            if (exit != 0 && !remaining.isEmpty() && kill(name, remaining) != 0
                    && remaining.stream().anyMatch(pid -> Files.exists(Path.of("/proc", Long.toString(pid))))) {
                throw new IllegalStateException("kill -" + name + " " + remaining + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int kill(String signal, List<Long> pids) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    private long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The processes whose parent is {@code pid}, from /proc (the backends, the checkpointer, the WAL writer...). */
    private static List<Long> childrenOf(long pid) {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> parentOf(p) == pid)
                    .map(p -> Long.parseLong(p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long parentOf(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            // pid (comm) state ppid ...: the command may contain spaces and parentheses, so read after the last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[1]);
        } catch (IOException | RuntimeException e) {
            return -1; // the process ended meanwhile
        }
    }

    @Override
    public void close() {
        resume();
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
