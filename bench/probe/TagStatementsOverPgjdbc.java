import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

/**
 * The tag scenario's four statements (BEGIN, the tag counter, the page, COMMIT) sent over pgjdbc with the
 * API's driver settings, in a loop on one connection, with nothing else: no HTTP, no Jdbi, no JSON. With
 * bench/probe/pg-cpu.sh around it, it separates what PostgreSQL spends because of the driver from what it
 * spends because the JVM shares the cores (docs/performance.md, "Why PostgreSQL spends more on the API's
 * tag requests than on pgbench's").
 *
 * <pre>
 * java -cp bench/target/leads.jar [-DbusyMicros=900] bench/probe/TagStatementsOverPgjdbc.java SECONDS
 * </pre>
 *
 * busyMicros: how long the client spins between transactions, touching no memory, as the API's JVM spends
 * that long on each request (0 by default).
 */
public class TagStatementsOverPgjdbc {

    public static void main(String[] args) throws Exception {
        int seconds = Integer.parseInt(args[0]);
        long busyNanos = Long.getLong("busyMicros", 0) * 1_000;
        String url = "jdbc:postgresql://localhost:" + System.getProperty("port", "55440")
                + "/leads?user=postgres&prepareThreshold=1"; // prepareThreshold as PostgresPersistence sets it
        try (Connection connection = DriverManager.getConnection(url); Statement plain = connection.createStatement()) {
            UUID org;
            try (ResultSet rs = plain.executeQuery("SELECT id FROM orgs WHERE name = 'Bench Org 01'")) {
                rs.next();
                org = (UUID) rs.getObject(1);
            }
            // Jdbi binds a String[] as varchar[], as here.
            Array tags = connection.createArrayOf("varchar", new String[] {"mindset"});
            String count = "SELECT coalesce(sum(n), 0) FROM lead_tag_counts WHERE org_id = ? AND tag = (CAST(? AS text[]))[1]";
            String page = "SELECT l.id, l.created_at, l.updated_at, l.status, l.first_name, l.last_name, l.email, l.phone, "
                    + "array_to_string(l.tags, E'\\x1F') AS tags, l.source, l.utm_source, l.utm_medium, l.utm_campaign, "
                    + "l.last_contacted_at, l.version FROM leads l WHERE l.org_id = ? AND l.tags @> CAST(? AS text[]) "
                    + "ORDER BY l.created_at DESC, l.id DESC LIMIT 50 OFFSET 0";
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long transactions = 0;
            long checksum = 0; // keeps the reads from being optimised away
            while (System.nanoTime() < end) {
                plain.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
                try (PreparedStatement statement = connection.prepareStatement(count)) {
                    statement.setObject(1, org);
                    statement.setArray(2, tags);
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        checksum += rs.getLong(1);
                    }
                }
                try (PreparedStatement statement = connection.prepareStatement(page)) {
                    statement.setObject(1, org);
                    statement.setArray(2, tags);
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            for (int column = 1; column <= 15; column++) {
                                String value = rs.getString(column);
                                checksum += value == null ? 0 : value.length();
                            }
                        }
                    }
                }
                plain.execute("COMMIT");
                transactions++;
                long until = System.nanoTime() + busyNanos;
                while (System.nanoTime() < until) {
                    // busy, as the API's JVM is between two requests' statements (no onSpinWait: no pause hint)
                }
            }
            System.out.println("transactions=" + transactions + " checksum=" + checksum);
        }
    }
}
