package com.coachintel.leads.domain.port;

import com.coachintel.leads.domain.OrgId;
import java.util.Objects;
import java.util.Optional;

/** Finds orgs, as an operator names them in configuration. */
public interface OrgDirectory {

    /** The org whose id (a UUID's text) or exact name is {@code idOrName}, if any. */
    Optional<Org> find(String idOrName);

    /**
     * An org.
     *
     * @param id   its id
     * @param name its name
     */
    record Org(OrgId id, String name) {
        public Org {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
        }
    }
}
