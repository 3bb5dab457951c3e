package io.outboundcalls.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The service's own PostgreSQL, reached over JDBC from the harness: the limit each API figure is
 * compared with. A page read is the list query the service runs for the same page (all columns,
 * the same filter, order and limit; the rows are fetched, not decoded); an insert commit is one
 * single-row {@code INSERT} in its own transaction, into a table of the harness's that is dropped
 * afterwards. Each client holds one connection, as each HTTP client holds one kept-alive socket.
 */
final class RawDatabase implements AutoCloseable {

    private static final String INSERTS = "public.benchmark_raw_inserts";

    private final String url;
    private final String user;
    private final String password;

    RawDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /**
     * The embedded PostgreSQL of a service this harness started: its port is the fourth line of
     * {@code postmaster.pid} in the data directory; it trusts local connections as {@code postgres}.
     */
    static RawDatabase embedded(Path serviceDataDir) throws Exception {
        List<String> pid = Files.readAllLines(serviceDataDir.resolve("postgres").resolve("postmaster.pid"));
        return new RawDatabase("jdbc:postgresql://127.0.0.1:" + pid.get(3).trim() + "/postgres", "postgres", null);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** The settings a commit's cost depends on, as the server reports them, for the table's header. */
    String settings() throws SQLException {
        List<String> shown = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String name : List.of("server_version", "fsync", "synchronous_commit", "full_page_writes", "wal_sync_method",
                    "shared_buffers", "max_connections")) {
                try (ResultSet rs = statement.executeQuery("show " + name)) {
                    rs.next();
                    shown.add(name + "=" + rs.getString(1));
                }
            }
        }
        return String.join(", ", shown);
    }

    /** {@code sql} with its parameters, run over and over by {@code clients} connections; every row is fetched. */
    Load.Result pageReads(int clients, Sizes sizes, String sql, Object... parameters) throws Exception {
        return Load.run(clients, sizes, () -> {
            Connection connection = connect();
            PreparedStatement query = connection.prepareStatement(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            return session(connection, n -> {
                int rows = 0;
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                    }
                }
                return rows == 0 ? "the page was empty" : null;
            });
        });
    }

    /** Single-row inserts, each committed on its own (autocommit), by {@code clients} connections. */
    Load.Result insertCommits(int clients, Sizes sizes) throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists " + INSERTS + " (id uuid primary key, account_id text not null,"
                    + " body text not null, created_at timestamptz not null default now())");
        }
        String account = "acct_" + UUID.randomUUID();
        return Load.run(clients, sizes, () -> {
            Connection connection = connect();
            PreparedStatement insert = connection.prepareStatement("insert into " + INSERTS + " (id, account_id, body) values (?, ?, ?)");
            return session(connection, n -> {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, account);
                insert.setString(3, "{\"phone_number\":\"+1212" + (2_000_000 + n % 7_000_000) + "\"}");
                return insert.executeUpdate() == 1 ? null : "no row inserted";
            });
        });
    }

    private interface Call {
        String call(int n) throws Exception;
    }

    private static Load.Session session(Connection connection, Call call) {
        return new Load.Session() {
            @Override
            public String call(int n) throws Exception {
                return call.call(n);
            }

            @Override
            public void close() throws SQLException {
                connection.close();
            }
        };
    }

    /** Drops the harness's insert table. */
    @Override
    public void close() {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists " + INSERTS);
        } catch (SQLException e) {
            System.err.println("Could not drop " + INSERTS + ": " + e.getMessage());
        }
    }
}
