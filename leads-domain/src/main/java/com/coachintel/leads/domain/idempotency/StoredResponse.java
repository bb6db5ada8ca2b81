package com.coachintel.leads.domain.idempotency;

import java.util.Map;
import java.util.Objects;

/**
 * What the first request with a key answered, kept to answer its retries.
 *
 * @param status  the status code
 * @param headers the headers a retry must see again, such as {@code Location} and {@code ETag}
 * @param body    the body's bytes
 */
public record StoredResponse(int status, Map<String, String> headers, byte[] body) {

    public StoredResponse {
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }
}
