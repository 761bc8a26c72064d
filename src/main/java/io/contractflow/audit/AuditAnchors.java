package io.contractflow.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.signature.SealSignatures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anchors the audit trail outside the database: a checkpoint holds every chain's newest entry
 * (contract, sequence number, hash) and the Merkle root over them, signed with the platform's seal
 * key, written to the {@link AnchorStore} (a directory, or an S3 bucket with object lock) as an
 * anchor that is never changed afterwards. Whoever can delete or rewrite rows in the database
 * cannot change the anchors; {@link #verify()} compares the database with the newest anchor and
 * names every chain that lost entries (truncated), whose anchored entry differs (rewritten), or
 * that no longer verifies in itself (broken).
 */
@Component
class AuditAnchors {

  static final String FORMAT = "contractflow-audit-anchor/1";
  private static final int LISTED = 100;
  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final Logger log = LoggerFactory.getLogger(AuditAnchors.class);

  private final AuditEntries entries;
  private final AuditTombstones tombstones;
  private final SealSignatures seal;
  private final AnchorStore store;
  private final ObjectMapper json;
  private final Clock clock;

  AuditAnchors(
      AuditEntries entries,
      AuditTombstones tombstones,
      SealSignatures seal,
      AnchorStore store,
      ObjectMapper json,
      Clock clock) {
    this.entries = entries;
    this.tombstones = tombstones;
    this.seal = seal;
    this.store = store;
    this.json = json;
    this.clock = clock;
  }

  /** One anchor as listed: its file, when it was taken, how many chains, the root. */
  record Anchor(String file, Instant takenAt, int contracts, String root) {}

  /**
   * Takes a checkpoint of every chain's head and writes it as a new anchor file; empty when nothing
   * was added since the newest anchor (same root).
   */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public Optional<Anchor> take() {
    List<AuditEntries.Head> heads = entries.heads();
    List<String> leaves = heads.stream().map(AuditAnchors::leaf).toList();
    String root = MerkleTree.root(leaves);
    Optional<Read> newest = newestValid();
    if (newest.isPresent() && newest.get().root().equals(root)) {
      return Optional.empty();
    }
    Instant takenAt = clock.instant();
    SealSignatures.Signed signed = seal.sign(statement(takenAt, heads.size(), root));
    ObjectNode document = json.createObjectNode();
    document.put("format", FORMAT);
    document.put("takenAt", takenAt.toString());
    document.put("contracts", heads.size());
    document.put("root", root);
    ArrayNode list = document.putArray("heads");
    for (AuditEntries.Head head : heads) {
      list.addObject()
          .put("contract", head.contractId().toString())
          .put("seq", head.seq())
          .put("hash", head.hash());
    }
    ObjectNode signature = document.putObject("signature");
    signature.put("algorithm", signed.algorithm());
    signature.put("value", Base64.getEncoder().encodeToString(signed.signature()));
    signature.put("certificate", Base64.getEncoder().encodeToString(signed.certificate()));
    String name = "anchor-" + FILE_TIME.format(takenAt) + "-" + root.substring(0, 12) + ".json";
    byte[] content;
    try {
      content = json.writeValueAsBytes(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    store.write(name, content);
    log.info(
        "Anchored the audit trail: {} chains, root {} as {} in {}",
        heads.size(),
        root,
        name,
        store.describe());
    return Optional.of(new Anchor(name, takenAt, heads.size(), root));
  }

  /** The anchors written, newest first. */
  List<Anchor> list() {
    return store.names().stream()
        .map(this::read)
        .flatMap(Optional::stream)
        .map(r -> new Anchor(r.file(), r.takenAt(), r.heads().size(), r.root()))
        .toList();
  }

  /** What the comparison of the database with the newest valid anchor found. */
  record Verification(
      boolean intact,
      Anchor anchor,
      boolean certificateCurrent,
      int anchorFiles,
      List<String> invalidAnchors,
      long chainsChecked,
      List<Finding> truncated,
      List<Finding> rewritten,
      List<Finding> broken,
      List<Finding> deletedByRetention) {}

  /**
   * One chain that is not as anchored: its contract, the anchored sequence number, and the
   * database's newest (truncated), or the sequence number where it differs (rewritten, broken); for
   * a chain deleted by retention, the anchored sequence number and the tombstone's entry count.
   */
  record Finding(UUID contract, Integer anchoredSeq, Integer databaseSeq) {}

  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public Verification verify() {
    List<String> files = store.names();
    List<String> invalid = new ArrayList<>();
    Read newest = null;
    for (String file : files) {
      Optional<Read> read = read(file);
      if (read.isEmpty() || !read.get().valid()) {
        invalid.add(file);
      } else if (newest == null) {
        newest = read.get();
      }
    }
    Map<UUID, AuditEntries.Head> anchored = new HashMap<>();
    if (newest != null) {
      newest.heads().forEach(h -> anchored.put(h.contractId(), h));
    }
    Comparison comparison = new Comparison(anchored, tombstones.all());
    entries.forEachOfAll(comparison::accept);
    comparison.finish();
    boolean intact =
        newest != null
            && invalid.isEmpty()
            && comparison.truncated.isEmpty()
            && comparison.rewritten.isEmpty()
            && comparison.broken.isEmpty();
    return new Verification(
        intact,
        newest == null
            ? null
            : new Anchor(newest.file(), newest.takenAt(), newest.heads().size(), newest.root()),
        newest != null && seal.isCurrent(newest.certificate()),
        files.size(),
        invalid,
        comparison.chains,
        limit(comparison.truncated),
        limit(comparison.rewritten),
        limit(comparison.broken),
        limit(comparison.retired));
  }

  /** Walks every chain once, in the database's order, against the anchored heads. */
  private static final class Comparison {

    private final Map<UUID, AuditEntries.Head> anchored;
    private final List<Finding> truncated = new ArrayList<>();
    private final List<Finding> rewritten = new ArrayList<>();
    private final List<Finding> broken = new ArrayList<>();
    private final List<Finding> retired = new ArrayList<>();
    private final Map<UUID, AuditTombstones.Read> tombstones;
    private UUID current;
    private ChainCheck check;
    private int last;
    private long chains;

    Comparison(Map<UUID, AuditEntries.Head> anchored, Map<UUID, AuditTombstones.Read> tombstones) {
      this.anchored = new HashMap<>(anchored);
      this.tombstones = tombstones;
    }

    void accept(AuditEntry entry) {
      if (!entry.contractId().equals(current)) {
        close();
        current = entry.contractId();
        check = new ChainCheck();
        last = 0;
        chains++;
      }
      check.accept(entry);
      last = entry.seq();
      AuditEntries.Head head = anchored.get(current);
      if (head != null && head.seq() == entry.seq() && !head.hash().equals(entry.hash())) {
        rewritten.add(new Finding(current, head.seq(), entry.seq()));
      }
    }

    private void close() {
      if (current == null) {
        return;
      }
      ChainVerification result = check.result();
      if (!result.intact()) {
        broken.add(new Finding(current, null, result.brokenAtSeq()));
      }
      AuditEntries.Head head = anchored.remove(current);
      if (head != null && last < head.seq()) {
        truncated.add(new Finding(current, head.seq(), last));
      }
    }

    void finish() {
      close();
      // chains anchored that have no entry at all any more: deleted by retention if a signed
      // tombstone holds the anchored entry, else truncated
      anchored.values().stream()
          .sorted(Comparator.comparing(AuditEntries.Head::contractId))
          .forEach(
              h -> {
                AuditTombstones.Read tombstone = tombstones.get(h.contractId());
                if (tombstone != null && tombstone.held(h.seq(), h.hash())) {
                  retired.add(new Finding(h.contractId(), h.seq(), tombstone.hashes().size()));
                } else {
                  truncated.add(new Finding(h.contractId(), h.seq(), 0));
                }
              });
    }
  }

  private static List<Finding> limit(List<Finding> findings) {
    return findings.size() <= LISTED ? findings : findings.subList(0, LISTED);
  }

  /** An anchor file as read back, and whether its root and signature hold. */
  private record Read(
      String file,
      Instant takenAt,
      String root,
      List<AuditEntries.Head> heads,
      byte[] certificate,
      boolean valid) {}

  private Optional<Read> newestValid() {
    return store.names().stream()
        .map(this::read)
        .flatMap(Optional::stream)
        .filter(Read::valid)
        .findFirst();
  }

  private Optional<Read> read(String file) {
    try {
      JsonNode document = json.readTree(store.read(file));
      if (!FORMAT.equals(document.path("format").asText())) {
        return Optional.empty();
      }
      Instant takenAt = Instant.parse(document.path("takenAt").asText());
      String root = document.path("root").asText();
      List<AuditEntries.Head> heads = new ArrayList<>();
      for (JsonNode head : document.path("heads")) {
        heads.add(
            new AuditEntries.Head(
                UUID.fromString(head.path("contract").asText()),
                head.path("seq").asInt(),
                head.path("hash").asText()));
      }
      JsonNode signature = document.path("signature");
      SealSignatures.Signed signed =
          new SealSignatures.Signed(
              signature.path("algorithm").asText(),
              Base64.getDecoder().decode(signature.path("value").asText()),
              Base64.getDecoder().decode(signature.path("certificate").asText()));
      boolean rootHolds =
          MerkleTree.root(heads.stream().map(AuditAnchors::leaf).toList()).equals(root)
              && document.path("contracts").asInt() == heads.size();
      boolean signatureHolds = seal.verify(statement(takenAt, heads.size(), root), signed);
      return Optional.of(
          new Read(file, takenAt, root, heads, signed.certificate(), rootHolds && signatureHolds));
    } catch (IOException | RuntimeException e) {
      log.warn("Unreadable audit anchor {}: {}", file, e.toString());
      return Optional.empty();
    }
  }

  /** What the seal signs: the format, the time, the number of chains and the root. */
  private static byte[] statement(Instant takenAt, int contracts, String root) {
    return (FORMAT + "\n" + takenAt + "\n" + contracts + "\n" + root)
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String leaf(AuditEntries.Head head) {
    return head.contractId() + ":" + head.seq() + ":" + head.hash();
  }
}
