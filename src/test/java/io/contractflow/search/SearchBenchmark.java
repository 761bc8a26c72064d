package io.contractflow.search;

import io.contractflow.identity.CurrentUser;
import io.contractflow.identity.Role;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Search benchmark: generated contracts with contract-like document text, bulk-indexed into an
 * index with the platform's own settings and mappings on the in-process OpenSearch node, then
 * queried through {@link ContractSearch} (the code behind {@code GET /api/search/contracts}): full
 * text + two filters + facets + highlights, at 1 and 8 concurrent clients, as a requester (the
 * access filter narrows to what they may read) and as an admin (reads all).
 *
 * <pre>
 * ./mvnw -q test-compile && java -Xmx3g -cp "target/classes:target/test-classes:$(./mvnw -q dependency:build-classpath \
 *   -Dmdep.outputFile=/dev/stdout)" io.contractflow.search.SearchBenchmark [--contracts 100000] [--queries 2000]
 *   [--warmup 300] [--reuse] [--callers requester,admin] [--bulk-concurrency 2]
 * </pre>
 *
 * {@code --reuse} keeps the node's data of the previous run and measures the queries only.
 */
public final class SearchBenchmark {

  private static final String[] TYPES = {
    "NDA", "SERVICES", "SUPPLY", "LICENSE", "EMPLOYMENT", "LEASE", "OTHER"
  };
  private static final String[] STATUSES = {
    "DRAFT",
    "IN_REVIEW",
    "APPROVED",
    "SIGNING",
    "ACTIVE",
    "ACTIVE",
    "ACTIVE",
    "EXPIRED",
    "TERMINATED",
    "CANCELLED"
  };
  private static final String[] GROUPS = {
    "legal-reviewer", "finance-approver", "executive-approver", "signatory"
  };
  private static final String[] QUERIES = {
    "limitation of liability",
    "\"confidential information\"",
    "governing law",
    "termination convenience",
    "intellectual property",
    "payment invoice",
    "\"service levels\"",
    "escrow",
    "indemnify",
    "data protection",
    "renewal notice",
    "warranty",
    "consequential loss",
    "subcontractor",
    "audit rights",
    "force majeure",
    "licence fees",
    "exclusive jurisdiction",
    "insurance",
    "non-solicitation"
  };
  private static final String[] WORDS =
      ("hosting support maintenance analytics logistics warehousing catering "
              + "cleaning security consulting engineering software hardware training translation marketing recruitment "
              + "payroll accounting auditing legal insurance telecom network storage backup migration integration testing "
              + "design printing courier fleet leasing facilities energy utilities waste recycling laboratory clinical "
              + "pharmacy medical research development licensing royalties franchise distribution reseller wholesale retail "
              + "procurement sourcing manufacturing assembly packaging inspection calibration installation commissioning "
              + "decommissioning escrow indemnity warranty subcontractor milestone deliverable acceptance service-level "
              + "uptime availability latency incident escalation penalty rebate discount invoice currency exchange tax "
              + "withholding audit compliance sanctions export privacy retention deletion encryption breach notification "
              + "insurance liability cap exclusion termination suspension renewal notice assignment novation waiver "
              + "severability counterparts jurisdiction arbitration mediation injunction remedy damages force-majeure")
          .split(" ");

  private SearchBenchmark() {}

  public static void main(String[] args) throws Exception {
    System.out.println("load average before: " + loadAverage());
    int contracts = intArg(args, "--contracts", 100_000);
    int queries = intArg(args, "--queries", 2_000);
    int warmup = intArg(args, "--warmup", 300);
    int bulkConcurrency = intArg(args, "--bulk-concurrency", 2);
    Path home = Path.of(stringArg(args, "--data", "target/search-benchmark/opensearch"));
    boolean reuse = Arrays.asList(args).contains("--reuse");
    List<String> callers = List.of(stringArg(args, "--callers", "requester,admin").split(","));
    System.setProperty("log4j2.loggerContextFactory", EmbeddedOpenSearch.LOG4J_CONTEXT_FACTORY);

    System.out.printf(
        Locale.ROOT,
        "Search benchmark: %,d contracts, %,d queries per run (+%d warm-up), %d cores, "
            + "max heap %d MB%n",
        contracts,
        queries,
        warmup,
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
    long t0 = System.nanoTime();
    EmbeddedOpenSearch node = EmbeddedOpenSearch.start(home, !reuse, 9299);
    System.out.printf(
        Locale.ROOT,
        "in-process node up in %.1f s at %s%n",
        (System.nanoTime() - t0) / 1e9,
        node.httpUrl());
    SearchProperties properties = properties(node.httpUrl());
    OpenSearchConfiguration configuration = new OpenSearchConfiguration();
    var transport =
        configuration.openSearchTransport(
            properties, new OpenSearchConfiguration.EmbeddedOpenSearchNode(node));
    OpenSearchClient client = configuration.openSearchClient(transport);
    try {
      ContractIndex index = new ContractIndex(client, properties);
      if (reuse && index.exists()) {
        client
            .cluster()
            .health(
                h ->
                    h.index(index.alias())
                        .waitForStatus(
                            org.opensearch.client.opensearch._types.HealthStatus.Yellow));
        long count = client.count(c -> c.index(index.alias())).count();
        System.out.printf(
            Locale.ROOT, "reusing the index of an earlier run: %,d contracts%n", count);
        queries(client, index, properties, queries, warmup, callers, (int) count, 0);
        return;
      }
      ContractIndexWriter writer = new ContractIndexWriter(client);
      String target = index.create();
      index.switchTo(target);
      index.bulkLoading(target, true);

      // --- indexing
      Corpus corpus = Corpus.load();
      Random random = new Random(42);
      int batch = 1_000;
      long bytes = 0;
      long start = System.nanoTime();
      long lastPrint = start;
      List<IndexedContract> page = new ArrayList<>(batch);
      try (BulkLoader loader = new BulkLoader(writer, target, bulkConcurrency)) {
        for (int i = 0; i < contracts; i++) {
          IndexedContract contract = corpus.contract(i, random);
          bytes += contract.documentText().length();
          page.add(contract);
          if (page.size() == batch || i == contracts - 1) {
            loader.add(page);
            page.clear();
            if (System.nanoTime() - lastPrint > 5_000_000_000L) {
              lastPrint = System.nanoTime();
              System.out.printf(Locale.ROOT, "  indexed %,d of %,d%n", loader.written(), contracts);
            }
          }
        }
        loader.finish();
      }
      index.bulkLoading(target, false);
      index.refresh(target);
      double indexSeconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "indexing: %,d contracts (%.0f MB of document text) in %.1f s = %,.0f contracts/s, "
              + "%.1f MB/s (bulk %d, %d in flight, refreshed)%n",
          contracts,
          bytes / 1e6,
          indexSeconds,
          contracts / indexSeconds,
          bytes / 1e6 / indexSeconds,
          batch,
          bulkConcurrency);
      client.indices().forcemerge(r -> r.index(target).maxNumSegments(5L));
      queries(
          client, index, properties, queries, warmup, callers, contracts, contracts / indexSeconds);
      System.out.println("load average after: " + loadAverage());
    } finally {
      transport.close();
      node.stop();
    }
  }

  private static void queries(
      OpenSearchClient client,
      ContractIndex index,
      SearchProperties properties,
      int queries,
      int warmup,
      List<String> callers,
      int contracts,
      double indexingRate)
      throws Exception {
    {
      List<Row> rows = new ArrayList<>();
      ContractSearch search = new ContractSearch(client, index, properties, Clock.systemUTC());
      CurrentUser admin =
          new CurrentUser("admin", Set.of("contract-admin"), Set.of(Role.CONTRACT_ADMIN));
      System.out.println(
          "query: full text + status + end-date range (or type + value range) + 3 facets + highlights, "
              + "page of 20");
      System.out.println(
          "caller     clients  queries   q/s     p50 ms   p95 ms   p99 ms   mean hits");
      // the node's caches and the JIT warm up first, with both kinds of caller, so that the order
      // of the runs does
      // not decide their figures
      run(search, "warm-up", n -> n % 2 == 0 ? admin : requester(n), 8, warmup * 4, 0);
      for (String caller : callers) {
        for (int clients : new int[] {1, 8}) {
          run(
              search,
              caller,
              caller.equals("admin") ? u -> admin : SearchBenchmark::requester,
              clients,
              warmup,
              0);
          rows.add(
              run(
                  search,
                  caller,
                  caller.equals("admin") ? u -> admin : SearchBenchmark::requester,
                  clients,
                  queries,
                  1));
        }
      }
      printTargets(contracts, indexingRate, rows);
    }
  }

  /** One measured row: queries per second and the 95th percentile in milliseconds. */
  private record Row(String caller, int clients, double perSecond, double p95) {}

  private static Row run(
      ContractSearch search,
      String caller,
      java.util.function.IntFunction<CurrentUser> users,
      int clients,
      int total,
      int seed)
      throws Exception {
    long[] latencies = new long[total];
    AtomicLong hits = new AtomicLong();
    AtomicLong next = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      futures.add(
          pool.submit(
              () -> {
                Random random = new Random(seed * 1000L + Thread.currentThread().getId());
                for (long i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                  SearchCriteria criteria = criteria(random);
                  CurrentUser user = users.apply(random.nextInt(500));
                  long t = System.nanoTime();
                  SearchResults results = search.search(user, criteria);
                  latencies[(int) i] = System.nanoTime() - t;
                  hits.addAndGet(results.total());
                }
                return null;
              }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    if (seed == 0) {
      return null; // warm-up
    }
    Arrays.sort(latencies);
    System.out.printf(
        Locale.ROOT,
        "%-10s %7d %8d %7.0f %9.1f %8.1f %8.1f %11.0f%n",
        caller,
        clients,
        total,
        total / seconds,
        pct(latencies, 50),
        pct(latencies, 95),
        pct(latencies, 99),
        hits.get() / (double) total);
    return new Row(caller, clients, total / seconds, pct(latencies, 95));
  }

  /**
   * Issue 16's targets, for a run at 1,000,000 contracts: indexing at least 3,000 contracts/s, and
   * at 8 clients a p95 under 100 ms with at least 200 queries/s. Printed, never asserted.
   */
  private static void printTargets(int contracts, double indexingRate, List<Row> rows) {
    System.out.printf(
        Locale.ROOT, "%ntargets (issue 16, at 1,000,000 contracts; this run: %,d)%n", contracts);
    System.out.printf(Locale.ROOT, "%-28s %-24s %-24s %s%n", "figure", "goal", "measured", "met");
    if (indexingRate > 0) {
      System.out.printf(
          Locale.ROOT,
          "%-28s %-24s %-24s %s%n",
          "indexing",
          ">= 3,000 contracts/s",
          String.format(Locale.ROOT, "%,.0f contracts/s", indexingRate),
          indexingRate >= 3_000 ? "yes" : "NO");
    }
    for (Row row : rows) {
      if (row.clients() != 8) {
        continue;
      }
      boolean met = row.p95() < 100 && row.perSecond() >= 200;
      System.out.printf(
          Locale.ROOT,
          "%-28s %-24s %-24s %s%n",
          row.caller() + ", 8 clients",
          "p95 < 100 ms, >= 200 q/s",
          String.format(Locale.ROOT, "p95 %.1f ms, %.0f q/s", row.p95(), row.perSecond()),
          met ? "yes" : "NO");
    }
  }

  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static double pct(long[] sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  private static CurrentUser requester(int n) {
    String group = GROUPS[n % GROUPS.length];
    return new CurrentUser(user(n), Set.of("requester", group), Set.of(Role.REQUESTER));
  }

  private static SearchCriteria criteria(Random random) {
    String q = QUERIES[random.nextInt(QUERIES.length)];
    LocalDate today = LocalDate.now();
    boolean statusAndDates = random.nextBoolean();
    List<String> statuses = statusAndDates ? List.of("ACTIVE") : null;
    LocalDate endFrom = statusAndDates ? today : null;
    LocalDate endTo = statusAndDates ? today.plusDays(365) : null;
    List<String> types = statusAndDates ? null : List.of(TYPES[random.nextInt(TYPES.length)]);
    BigDecimal valueMin = statusAndDates ? null : BigDecimal.valueOf(10_000);
    return new SearchCriteria(
        q, types, statuses, null, null, null, null, null, endFrom, endTo, valueMin, null, null,
        null, null, false, 0, 20, null, true, null);
  }

  private static SearchProperties properties(String url) {
    return new SearchProperties(
        url,
        "",
        "",
        new SearchProperties.Tls("", ""),
        "bench-contracts",
        java.time.Duration.ofSeconds(2),
        java.time.Duration.ofSeconds(60),
        new SearchProperties.Embedded(true, Path.of("unused"), false, false, 9299),
        new SearchProperties.Outbox(
            200, java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(60)),
        new SearchProperties.Query(100, 500, 5, 50, 10_000),
        1000,
        2);
  }

  static String user(int n) {
    return String.format(Locale.ROOT, "user%03d", n);
  }

  private static int intArg(String[] args, String name, int fallback) {
    return Integer.parseInt(stringArg(args, name, String.valueOf(fallback)));
  }

  private static String stringArg(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }

  /**
   * Paragraphs of the shipped templates and clauses, filled with generated facts, as document text.
   */
  record Corpus(List<String> paragraphs, List<String> counterparties) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]+}}");

    static Corpus load() throws IOException {
      List<String> paragraphs = new ArrayList<>();
      for (Resource resource :
          new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.txt")) {
        try (InputStream in = resource.getInputStream()) {
          String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          for (String paragraph : text.split("\\n\\s*\\n")) {
            String p = paragraph.strip();
            if (p.length() > 60 && !p.startsWith("title:") && !p.startsWith("name:")) {
              paragraphs.add(p.replace("#", ""));
            }
          }
        }
      }
      Random random = new Random(7);
      List<String> counterparties = new ArrayList<>();
      String[] suffixes = {"Ltd", "GmbH", "SAS", "BV", "Inc", "AB", "Oy", "SpA", "AG", "LLP"};
      for (int i = 0; i < 2000; i++) {
        counterparties.add(
            capitalised(WORDS[random.nextInt(WORDS.length)])
                + " "
                + capitalised(WORDS[random.nextInt(WORDS.length)])
                + " "
                + suffixes[i % suffixes.length]
                + " "
                + i);
      }
      return new Corpus(paragraphs, counterparties);
    }

    IndexedContract contract(int n, Random random) {
      String counterparty = counterparties.get(random.nextInt(counterparties.size()));
      String type = TYPES[random.nextInt(TYPES.length)];
      String subject =
          WORDS[random.nextInt(WORDS.length)] + " and " + WORDS[random.nextInt(WORDS.length)];
      StringBuilder text = new StringBuilder();
      text.append(type)
          .append(" AGREEMENT for ")
          .append(subject)
          .append(" between Example Ltd and ")
          .append(counterparty)
          .append(".\n\n");
      int count = 5 + random.nextInt(5);
      for (int i = 0; i < count; i++) {
        String paragraph = paragraphs.get(random.nextInt(paragraphs.size()));
        text.append(
                PLACEHOLDER.matcher(paragraph).replaceAll(m -> WORDS[random.nextInt(WORDS.length)]))
            .append("\n\n");
      }
      text.append("Schedule 1. Scope: ");
      int words = 40 + random.nextInt(60);
      for (int i = 0; i < words; i++) {
        text.append(WORDS[random.nextInt(WORDS.length)]).append(i % 12 == 11 ? ". " : " ");
      }
      int owner = random.nextInt(500);
      Set<String> readers = new LinkedHashSet<>();
      readers.add("user:" + user(owner));
      if (random.nextInt(4) == 0) {
        readers.add("user:" + user(random.nextInt(500)));
      }
      if (random.nextInt(5) == 0) {
        readers.add("group:" + GROUPS[random.nextInt(GROUPS.length)]);
      }
      LocalDate start = LocalDate.now().minusDays(random.nextInt(1500));
      LocalDate end = start.plusMonths(6 + random.nextInt(48));
      BigDecimal value =
          BigDecimal.valueOf(Math.pow(10, 2 + random.nextDouble() * 5))
              .setScale(2, RoundingMode.HALF_UP);
      Instant created =
          start.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().minusSeconds(86_400L * 20);
      List<String> tags =
          List.of(WORDS[random.nextInt(WORDS.length)], WORDS[random.nextInt(WORDS.length)]);
      return new IndexedContract(
          new UUID(0, n).toString(),
          String.format(Locale.ROOT, "CF-%d-%05d", start.getYear(), n),
          capitalised(subject) + " " + type.toLowerCase(Locale.ROOT) + " with " + counterparty,
          "Contract for " + subject,
          type,
          STATUSES[random.nextInt(STATUSES.length)],
          new UUID(1, counterparties.indexOf(counterparty)).toString(),
          counterparty,
          user(owner),
          tags.stream().distinct().toList(),
          List.of(),
          value,
          "EUR",
          start,
          end,
          random.nextBoolean(),
          created,
          created,
          1,
          "contract-" + n + ".pdf",
          text.toString(),
          List.copyOf(readers));
    }

    private static String capitalised(String word) {
      return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
  }
}
