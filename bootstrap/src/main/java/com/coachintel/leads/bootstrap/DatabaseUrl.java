package com.coachintel.leads.bootstrap;

import com.coachintel.leads.adapter.persistence.DatabaseSettings;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code DATABASE_URL} in either form operators meet: {@code jdbc:postgresql://host:port/db?...}
 * or the Heroku/Render style {@code postgres://user:password@host:port/db?...}.
 * {@code DATABASE_USER} and {@code DATABASE_PASSWORD}, when set, win over credentials in the URL.
 *
 * <p>Either form may name several hosts, {@code host1:5432,host2:5432}, for a primary with standbys behind no single
 * address: pgjdbc tries them in order and keeps the one that is primary. The pool writes, so a URL with several hosts
 * and no {@code targetServerType} gets {@code targetServerType=primary}; without it pgjdbc would settle for a
 * read-only standby. libpq's {@code target_session_attrs} in a {@code postgres://} URL is translated to pgjdbc's
 * {@code targetServerType} ({@code read-write} is {@code primary}).
 */
final class DatabaseUrl {

    static final String ACCEPTED = "jdbc:postgresql://host[:port][,host2[:port]...]/database[?params] "
            + "or postgres://[user[:password]@]host[:port][,host2[:port]...]/database[?params]";

    /** libpq's target_session_attrs, as pgjdbc's targetServerType. */
    private static final Map<String, String> TARGET_SESSION_ATTRS = Map.of(
            "any", "any",
            "read-write", "primary",
            "primary", "primary",
            "read-only", "secondary",
            "standby", "secondary",
            "prefer-standby", "preferSecondary");

    /** One host: a name or IPv4 address, or an IPv6 address in brackets, and an optional port. */
    private static final Pattern HOST = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._%-]+)(?::([0-9]{1,5}))?");

    private DatabaseUrl() {
    }

    static DatabaseSettings parse(String url, String user, String password, int poolSize) {
        return parse("DATABASE_URL", url, user, password, poolSize, "primary");
    }

    /**
     * The same for {@code variable}; a URL naming several hosts without a target gets {@code severalHostsTarget}
     * ({@code primary} for the pool that writes, {@code preferSecondary} for a read replica's).
     */
    static DatabaseSettings parse(String variable, String url, String user, String password, int poolSize,
            String severalHostsTarget) {
        try {
            return parse(url, user, password, poolSize, severalHostsTarget);
        } catch (Malformed e) {
            // The value itself is never echoed: it may hold a password.
            throw new ConfigException(variable + " is not a PostgreSQL URL: " + e.getMessage() + ". Accepted: " + ACCEPTED);
        }
    }

    private static DatabaseSettings parse(String url, String user, String password, int poolSize, String severalHostsTarget) {
        String trimmed = url.trim();
        if (trimmed.startsWith("jdbc:postgresql://")) {
            Parts parts = Parts.of(trimmed.substring("jdbc:postgresql://".length()), false, severalHostsTarget);
            if (parts.userInfo != null) {
                throw invalid("credentials before the host in a jdbc: URL (pgjdbc reads them as a host); give them as"
                        + " DATABASE_USER and DATABASE_PASSWORD");
            }
            return new DatabaseSettings(parts.jdbcUrl(), user, password, poolSize);
        }
        for (String scheme : List.of("postgres://", "postgresql://")) {
            if (trimmed.startsWith(scheme)) {
                Parts parts = Parts.of(trimmed.substring(scheme.length()), true, severalHostsTarget);
                String urlUser = null;
                String urlPassword = null;
                if (parts.userInfo != null) {
                    String[] credentials = parts.userInfo.split(":", 2);
                    urlUser = decode(credentials[0]);
                    urlPassword = credentials.length > 1 ? decode(credentials[1]) : null;
                }
                return new DatabaseSettings(parts.jdbcUrl(), user != null ? user : urlUser,
                        password != null ? password : urlPassword, poolSize);
            }
        }
        throw invalid("unknown scheme");
    }

    /** The URL without credentials or parameters, for logs: {@code postgresql://host:port[,host2:port]/db}. */
    static String redacted(String jdbcUrl) {
        Parts parts = Parts.of(jdbcUrl.substring("jdbc:postgresql://".length()), false, "primary");
        return "postgresql://" + String.join(",", parts.hosts) + "/" + parts.database;
    }

    /** What lies after the scheme: {@code [userinfo@]hosts/database[?query]}, taken apart and checked. */
    private record Parts(String userInfo, List<String> hosts, String database, Map<String, String> query) {

        static Parts of(String rest, boolean libpq, String severalHostsTarget) {
            int slash = rest.indexOf('/');
            if (slash < 0) {
                throw invalid("no database name");
            }
            String authority = rest.substring(0, slash);
            String pathAndQuery = rest.substring(slash + 1);
            int at = authority.lastIndexOf('@');
            String userInfo = at < 0 ? null : authority.substring(0, at);
            String hostList = at < 0 ? authority : authority.substring(at + 1);
            if (hostList.isEmpty()) {
                throw invalid("no host");
            }
            List<String> hosts = new ArrayList<>();
            for (String host : hostList.split(",", -1)) {
                Matcher matcher = HOST.matcher(host);
                if (!matcher.matches()) {
                    throw invalid(host.isEmpty() ? "an empty host in the host list" : "a host that is not host[:port]");
                }
                if (matcher.group(2) != null) {
                    int port = Integer.parseInt(matcher.group(2));
                    if (port < 1 || port > 65_535) {
                        throw invalid("a port outside 1-65535");
                    }
                }
                hosts.add(host);
            }
            int question = pathAndQuery.indexOf('?');
            String database = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
            if (database.isEmpty() || database.contains("/")) {
                throw invalid("no database name");
            }
            Map<String, String> query = new LinkedHashMap<>();
            if (question >= 0 && question < pathAndQuery.length() - 1) {
                for (String pair : pathAndQuery.substring(question + 1).split("&")) {
                    if (pair.isEmpty()) {
                        continue;
                    }
                    int equals = pair.indexOf('=');
                    query.put(equals < 0 ? pair : pair.substring(0, equals), equals < 0 ? "" : pair.substring(equals + 1));
                }
            }
            if (libpq && query.containsKey("target_session_attrs")) {
                String attrs = decode(query.remove("target_session_attrs")).toLowerCase(Locale.ROOT);
                String serverType = TARGET_SESSION_ATTRS.get(attrs);
                if (serverType == null) {
                    throw invalid("target_session_attrs must be one of " + String.join(", ",
                            new java.util.TreeSet<>(TARGET_SESSION_ATTRS.keySet())));
                }
                query.putIfAbsent("targetServerType", serverType);
            }
            if (hosts.size() > 1) {
                query.putIfAbsent("targetServerType", severalHostsTarget);
            }
            return new Parts(userInfo, List.copyOf(hosts), database, query);
        }

        String jdbcUrl() {
            StringBuilder url = new StringBuilder("jdbc:postgresql://").append(String.join(",", hosts)).append('/')
                    .append(database);
            char separator = '?';
            for (Map.Entry<String, String> parameter : query.entrySet()) {
                url.append(separator).append(parameter.getKey()).append('=').append(parameter.getValue());
                separator = '&';
            }
            return url.toString();
        }
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static Malformed invalid(String reason) {
        return new Malformed(reason);
    }

    /** What is wrong with a URL, said without the URL; {@link #parse} names the variable. */
    private static final class Malformed extends RuntimeException {
        Malformed(String reason) {
            super(reason, null, false, false);
        }
    }
}
