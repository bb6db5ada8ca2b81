package com.coachintel.leads.bootstrap;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * {@code java -jar leads.jar [serve|worker|migrate|help]}. Configuration comes only from the environment
 * (see {@code .env.example}); a bad value ends the process with exit code 2 and a message naming it.
 */
public final class LeadsMain {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final Logger LOG = LoggerFactory.getLogger(LeadsMain.class);

    private LeadsMain() {
    }

    public static void main(String[] args) {
        // Liquibase logs through java.util.logging; route it to the same log as everything else.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        int exitCode = run(args, System.err);
        if (exitCode != OK) {
            System.exit(exitCode);
        }
    }

    static int run(String[] args, PrintStream err) {
        String command = args.length == 0 ? "serve" : args[0];
        if (args.length > 1) {
            err.println("Too many arguments. " + usage());
            return USAGE;
        }
        try {
            switch (command) {
                case "serve" -> run(LeadsApplication::start);
                case "worker" -> run(LeadsApplication::startWorker);
                case "migrate" -> {
                    String where = LeadsApplication.migrate(LeadsConfig.fromEnvironment());
                    LOG.info("Schema is up to date on {}", where);
                }
                case "help", "--help", "-h" -> err.println(usage());
                default -> {
                    err.println("Unknown command '" + command + "'. " + usage());
                    return USAGE;
                }
            }
            return OK;
        } catch (ConfigException e) {
            err.println("Configuration error: " + e.getMessage());
            return USAGE;
        } catch (RuntimeException e) {
            LOG.error("Leads failed to {}: {}", command, e.getMessage(), e);
            return FAILED;
        }
    }

    /** Starts the process and keeps it up until the JVM is asked to stop (SIGTERM, Ctrl-C). */
    private static void run(java.util.function.Function<LeadsConfig, LeadsApplication> start) {
        LeadsConfig config = LeadsConfig.fromEnvironment();
        LeadsApplication app = start.apply(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "leads-shutdown"));
        LOG.info(String.join(System.lineSeparator(), app.startupSummary()));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String usage() {
        return "Usage: java -jar leads.jar [serve|worker|migrate|help]\n"
                + "  serve    run the HTTP API, and a job worker unless LEADS_JOBS_WORKER=false (default)\n"
                + "  worker   run only the job worker and the JobRunr dashboard\n"
                + "  migrate  apply the database schema and exit\n"
                + "Configuration is read from environment variables; see .env.example.";
    }
}
