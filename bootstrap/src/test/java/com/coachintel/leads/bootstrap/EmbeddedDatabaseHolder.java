package com.coachintel.leads.bootstrap;

import java.nio.file.Path;

/** A process of its own that starts the embedded database on a directory and holds it until killed (fault tests). */
public final class EmbeddedDatabaseHolder {

    private EmbeddedDatabaseHolder() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]), 0);
        System.out.println("started " + database.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
