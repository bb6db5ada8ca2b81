package com.coachintel.leads.domain.idempotency;

import com.coachintel.leads.domain.OrgId;
import java.util.Objects;

/**
 * Where an idempotency key counts: the same key of another user, org, method or path is another key.
 *
 * @param org       the caller's org
 * @param user      the caller
 * @param operation the method and path, such as {@code POST /leads}
 * @param key       the caller's key
 */
public record IdempotencyScope(OrgId org, String user, String operation, String key) {

    public IdempotencyScope {
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(key, "key");
    }
}
