package io.outboundcalls.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One command, one table: starts the service (embedded PostgreSQL in a fresh directory) or uses
 * {@code --url}, drives it through its public HTTP API, and prints each figure of BENCHMARKS.md beside
 * its target. {@code --smoke} runs tiny sizes to check the harness works (used by CI's smoke run;
 * it does not judge the targets). Exit code 0 whatever the verdicts; 1 only if the harness fails.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) {
        int exit = 0;
        try {
            run(args);
        } catch (Exception e) {
            e.printStackTrace();
            exit = 1;
        }
        System.exit(exit);
    }

    static void run(String[] args) throws Exception {
        List<String> arguments = Arrays.asList(args);
        boolean smoke = arguments.contains("--smoke");
        Optional<String> url = option(arguments, "--url=");
        Sizes sizes = sizes(arguments);
        Set<String> only = option(arguments, "--only=").map(o -> Set.of(o.split(","))).orElse(Scenarios.NAMES);
        if (!Scenarios.NAMES.containsAll(only)) {
            throw new IllegalArgumentException("--only takes a comma-separated subset of " + Scenarios.NAMES);
        }

        List<Row> rows = new ArrayList<>();
        String database = "the relay's own service: its embedded PostgreSQL";
        if (only.stream().anyMatch(name -> !name.equals("relay"))) {
            database = apiScenarios(arguments, url, sizes, only, rows);
        }
        if (only.contains("relay")) {
            // after the API scenarios' service has stopped: the relay's service in Twilio mode has the machine alone
            rows.addAll(url.isPresent()
                    ? List.of(Row.notAvailable("Relay turn", "p99 <= 20 ms", "needs a service of its own in Twilio mode: not with --url"))
                    : new RelayScenario(sizes).run());
        }
        String table = render(rows, smoke, database);
        System.out.println(table);
        Path out = Path.of("benchmark-results");
        Files.createDirectories(out);
        Files.writeString(out.resolve(smoke ? "smoke.md" : "latest.md"), table);
    }

    /** The full or smoke sizes, with {@code --dialer-contacts=N} and {@code --import-rows=N} applied. */
    static Sizes sizes(List<String> arguments) {
        Sizes sizes = arguments.contains("--smoke") ? Sizes.SMOKE : Sizes.FULL;
        Optional<String> dialerContacts = option(arguments, "--dialer-contacts=");
        if (dialerContacts.isPresent()) {
            sizes = sizes.withDialerContacts(Integer.parseInt(dialerContacts.get()));
        }
        Optional<String> importRows = option(arguments, "--import-rows=");
        if (importRows.isPresent()) {
            int rows = Integer.parseInt(importRows.get());
            // the CSV's numbers are +1 212 200-0000 onwards: 8,000,000 of them (and the service takes files up to 100 MB,
            // about 1,500,000 of these rows)
            if (rows < 1 || rows > 8_000_000) {
                throw new IllegalArgumentException("--import-rows takes 1 to 8000000, not " + rows);
            }
            sizes = sizes.withImportRows(rows);
        }
        return sizes;
    }

    /** Every scenario but the relay's, on one service; returns the database line of the table's header. */
    private static String apiScenarios(List<String> arguments, Optional<String> url, Sizes sizes, Set<String> only,
                                       List<Row> rows) throws Exception {
        String database = "not reachable (with --url, give --jdbc-url=… [--jdbc-user=… --jdbc-password=…])";
        Optional<String> adminToken = option(arguments, "--admin-token=");
        Optional<String> jdbcUrl = option(arguments, "--jdbc-url=");
        Service service = null;
        RawDatabase raw = null;
        try {
            if (url.isEmpty()) {
                System.out.println("Starting the service with embedded PostgreSQL…");
                service = Service.start(List.of());
            }
            Http http = new Http(url.orElse(service != null ? service.baseUrl : null));
            String admin = adminToken.orElse(service != null ? service.adminToken : null);
            if (admin == null) {
                throw new IllegalArgumentException("--url needs --admin-token=<operator token>");
            }
            if (jdbcUrl.isPresent()) {
                raw = new RawDatabase(jdbcUrl.get(), option(arguments, "--jdbc-user=").orElse("postgres"),
                        option(arguments, "--jdbc-password=").orElse(null));
            } else if (service != null) {
                raw = RawDatabase.embedded(service.dataDir());
            }
            if (raw != null) {
                database = raw.settings();
            }
            rows.addAll(new Scenarios(http, admin, sizes, raw).run(only));
        } finally {
            if (raw != null) {
                raw.close();
            }
            if (service != null) {
                service.close();
            }
        }
        return database;
    }

    static String render(List<Row> rows, boolean smoke, String database) {
        StringBuilder out = new StringBuilder();
        out.append("OutboundCalls benchmark").append(smoke ? " (SMOKE: tiny sizes, verdicts not meaningful)" : "")
                .append(" — ").append(Instant.now()).append('\n');
        out.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(totalMemoryGiB()).append(" GiB RAM, ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.version")).append(", ").append(System.getProperty("os.name")).append(' ')
                .append(System.getProperty("os.arch")).append('\n');
        out.append("Database: ").append(database).append("\n\n");
        out.append("| Figure | Target | Measured | Verdict | Notes |\n|---|---|---|---|---|\n");
        for (Row row : rows) {
            out.append("| ").append(row.figure()).append(" | ").append(row.target()).append(" | ")
                    .append(row.measured()).append(" | ").append(row.verdict()).append(" | ")
                    .append(row.note() == null ? "" : row.note().replace('|', '/')).append(" |\n");
        }
        return out.toString();
    }

    private static String totalMemoryGiB() {
        try {
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            return String.format("%.1f", os.getTotalMemorySize() / (1024.0 * 1024 * 1024));
        } catch (ClassCastException e) {
            return "?";
        }
    }

    private static Optional<String> option(List<String> args, String prefix) {
        return args.stream().filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length())).findFirst();
    }
}
