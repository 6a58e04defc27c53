package org.outpost.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;

/** Turns JMH's sampled results into the Markdown tables {@code bench/README.md} keeps. */
final class Report {
    private Report() {
    }

    /** Percentiles of one operation on one database variant, in microseconds. */
    record Row(String operation, String db, double p50, double p95, double p99, long samples) {
    }

    static List<Row> rows(Collection<RunResult> results) {
        List<Row> rows = new ArrayList<>();
        for (RunResult r : results) {
            String benchmark = r.getParams().getBenchmark();
            String operation = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            Statistics s = r.getPrimaryResult().getStatistics();
            rows.add(new Row(operation, r.getParams().getParam("db"), s.getPercentile(50), s.getPercentile(95),
                    s.getPercentile(99), s.getN()));
        }
        return rows;
    }

    static String markdown(Collection<RunResult> results, Properties info, Instant start, Instant end, String args) {
        List<Row> rows = rows(results);
        StringBuilder out = new StringBuilder();
        out.append("Run ").append(start).append(" (").append(Duration.between(start, end).toSeconds())
                .append(" s); ").append(Runtime.getRuntime().availableProcessors()).append(" cores; JDK ")
                .append(System.getProperty("java.version")).append(" (").append(System.getProperty("java.vm.name"))
                .append("); ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
                .append("; arguments: `").append(args.isBlank() ? "(defaults)" : args).append("`\n\n");
        out.append("Data set: ").append(info.getProperty("patients")).append(" patients, ")
                .append(info.getProperty("observations")).append(" observations; encrypted file ")
                .append(Long.parseLong(info.getProperty("encryptedBytes")) >> 20).append(" MiB; generated through ")
                .append("H2Vault in ").append(info.getProperty("encryptedSeconds")).append(" s (")
                .append(Long.parseLong(info.getProperty("writtenBytes", "0")) >> 20)
                .append(" MiB before SHUTDOWN COMPACT, which took ").append(info.getProperty("compactSeconds", "?"))
                .append(" s; plain copy ").append(info.getProperty("plainCopySeconds")).append(" s)\n\n");
        out.append("| operation | db | p50 µs | p95 µs | p99 µs | samples |\n| --- | --- | ---: | ---: | ---: | ---: |\n");
        for (Row r : rows) {
            out.append("| %s | %s | %s | %s | %s | %d |%n".formatted(r.operation(), r.db(), us(r.p50()), us(r.p95()),
                    us(r.p99()), r.samples()));
        }
        Map<String, Map<String, Row>> byOperation = new LinkedHashMap<>();
        for (Row r : rows) {
            byOperation.computeIfAbsent(r.operation(), k -> new LinkedHashMap<>()).put(r.db(), r);
        }
        List<String[]> pairs = new ArrayList<>();
        for (Row r : rows) {
            if (r.db().startsWith("aes-")) {
                addPair(pairs, r.db(), "plain-" + r.db().substring(4));
            } else if (r.db().equals("vault")) {
                addPair(pairs, "vault", "plain-" + Variant.STORE_CACHE_KIB / 1024 + "m");
            }
        }
        if (!pairs.isEmpty()) {
            out.append("\nEncrypted ÷ plain (p50 / p95):\n\n| operation |");
            pairs.forEach(p -> out.append(' ').append(p[0]).append(" ÷ ").append(p[1]).append(" |"));
            out.append("\n| --- |");
            pairs.forEach(p -> out.append(" ---: |"));
            out.append('\n');
            byOperation.forEach((operation, dbs) -> {
                out.append("| ").append(operation).append(" |");
                for (String[] p : pairs) {
                    out.append(' ').append(ratio(dbs.get(p[0]), dbs.get(p[1]))).append(" |");
                }
                out.append('\n');
            });
        }
        return out.toString();
    }

    private static void addPair(List<String[]> pairs, String a, String b) {
        if (pairs.stream().noneMatch(p -> p[0].equals(a))) {
            pairs.add(new String[] {a, b});
        }
    }

    private static String ratio(Row a, Row b) {
        return Optional.ofNullable(a).flatMap(x -> Optional.ofNullable(b).map(y -> "%.2f / %.2f".formatted(
                x.p50() / y.p50(), x.p95() / y.p95()))).orElse("–");
    }

    private static String us(double micros) {
        return micros >= 100 ? String.format(Locale.ROOT, "%,.0f", micros) : String.format(Locale.ROOT, "%.1f", micros);
    }
}
