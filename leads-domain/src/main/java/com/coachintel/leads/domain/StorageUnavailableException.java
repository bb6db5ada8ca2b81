package com.coachintel.leads.domain;

/**
 * The store could not be reached or did not answer in time: no connection was free within the pool's timeout, the
 * database refused or dropped the connection, or it stopped answering mid-query. Nothing was written. Worth trying
 * again shortly; adapters answer "unavailable" (HTTP 503), never an internal error.
 */
public final class StorageUnavailableException extends DomainException {

    public StorageUnavailableException(String message, Throwable cause) {
        super("storage-unavailable", message);
        initCause(cause);
    }
}
