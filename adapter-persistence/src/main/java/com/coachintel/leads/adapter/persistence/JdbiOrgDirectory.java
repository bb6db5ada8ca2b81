package com.coachintel.leads.adapter.persistence;

import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.Uuids;
import com.coachintel.leads.domain.port.OrgDirectory;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** {@link OrgDirectory} on the {@code orgs} table: by id when the text is a UUID, else by exact name. */
final class JdbiOrgDirectory implements OrgDirectory {

    private final Jdbi jdbi;

    JdbiOrgDirectory(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<Org> find(String idOrName) {
        Optional<UUID> id = Uuids.tryParse(idOrName);
        String sql = "SELECT id, name FROM orgs WHERE " + (id.isPresent() ? "id = :value" : "name = :value");
        return jdbi.withHandle(handle -> handle.createQuery(sql)
                .bind("value", id.isPresent() ? id.get() : idOrName)
                .map((rs, ctx) -> new Org(new OrgId(rs.getObject("id", UUID.class)), rs.getString("name")))
                .findOne());
    }
}
