package com.coachintel.leads.domain.port;

/** Tells whether the lead store can be reached right now. */
public interface StorageHealth {

    /** Checks the store within a short time; never throws. */
    Status check();

    /**
     * The outcome of one check.
     *
     * @param reachable whether the store answered
     * @param detail    a short, operator-facing explanation; never contains credentials
     */
    record Status(boolean reachable, String detail) {

        /** The store answered. */
        public static Status up() {
            return new Status(true, "reachable");
        }

        /** The store did not answer, with the reason. */
        public static Status down(String detail) {
            return new Status(false, detail);
        }
    }
}
