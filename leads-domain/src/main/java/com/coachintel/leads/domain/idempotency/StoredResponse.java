package com.coachintel.leads.domain.idempotency;

import java.util.Objects;

/**
 * What the first request with a key answered, kept to answer its retries: bytes the adapter that served the request
 * made of its answer (status, headers and body for the HTTP API), opaque to the core and to storage.
 *
 * @param content the encoded answer
 */
public record StoredResponse(byte[] content) {

    public StoredResponse {
        Objects.requireNonNull(content, "content");
    }
}
