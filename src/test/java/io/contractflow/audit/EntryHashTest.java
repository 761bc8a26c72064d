package io.contractflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The hash that chains the audit trail: stable for the same entry, different for any change. */
class EntryHashTest {

  private static final UUID CONTRACT = UUID.fromString("0b7e6a2c-3c1f-4d7e-9a51-2f9f3e0c8d11");
  private static final Instant AT = Instant.parse("2026-03-01T09:30:00.123456Z");
  private static final String DETAILS =
      "{\"amount\":12000.5,\"from\":\"DRAFT\",\"note\":\"café \\\"x\\\"\\n\",\"to\":\"IN_REVIEW\"}";

  private static EntryHash.Input entry() {
    return new EntryHash.Input(
        EntryHash.GENESIS,
        CONTRACT,
        1,
        AT,
        "rita",
        "STATUS_CHANGED",
        "Status changed from DRAFT to IN_REVIEW: submitted by rita",
        DETAILS);
  }

  /**
   * Pins the encoding: this value was computed outside Java from the layout described in {@link
   * EntryHash}. If this test fails, every stored chain would stop verifying.
   */
  @Test
  void knownAnswer() {
    assertThat(EntryHash.of(entry()))
        .isEqualTo("85686d80270dcd23215d3ec941c90ba2d05266aa2fe9dc3a88492ca889d222c3");
  }

  @Test
  void theSameEntryGivesTheSameHash() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    Map<String, Object> oneOrder = new LinkedHashMap<>();
    oneOrder.put("to", "IN_REVIEW");
    oneOrder.put("note", "café \"x\"\n");
    oneOrder.put("from", "DRAFT");
    oneOrder.put("amount", new BigDecimal("12000.50"));
    Map<String, Object> otherOrder = new TreeMap<>(oneOrder);
    otherOrder.put("amount", new BigDecimal("1.20005E+4"));

    String first = CanonicalJson.of(mapper.writeValueAsString(oneOrder));
    String second = CanonicalJson.of(mapper.writeValueAsString(otherOrder));

    assertThat(first).isEqualTo(DETAILS).isEqualTo(second);
    assertThat(EntryHash.of(entry())).isEqualTo(EntryHash.of(entry()));
  }

  @Test
  void anyChangedFieldGivesAnotherHash() {
    List<UnaryOperator<EntryHash.Input>> changes =
        List.of(
            e ->
                with(
                    e,
                    "a".repeat(64),
                    e.contractId(),
                    e.seq(),
                    e.occurredAt(),
                    e.actor(),
                    e.kind(),
                    e.summary(),
                    e.canonicalDetails()),
            e ->
                with(
                    e,
                    e.prevHash(),
                    UUID.fromString("0b7e6a2c-3c1f-4d7e-9a51-2f9f3e0c8d12"),
                    e.seq(),
                    e.occurredAt(),
                    e.actor(),
                    e.kind(),
                    e.summary(),
                    e.canonicalDetails()),
            e ->
                with(
                    e,
                    e.prevHash(),
                    e.contractId(),
                    2,
                    e.occurredAt(),
                    e.actor(),
                    e.kind(),
                    e.summary(),
                    e.canonicalDetails()),
            e ->
                with(
                    e,
                    e.prevHash(),
                    e.contractId(),
                    e.seq(),
                    e.occurredAt().plusNanos(1_000),
                    e.actor(),
                    e.kind(),
                    e.summary(),
                    e.canonicalDetails()),
            e ->
                with(
                    e,
                    e.prevHash(),
                    e.contractId(),
                    e.seq(),
                    e.occurredAt(),
                    "ravi",
                    e.kind(),
                    e.summary(),
                    e.canonicalDetails()),
            e ->
                with(
                    e,
                    e.prevHash(),
                    e.contractId(),
                    e.seq(),
                    e.occurredAt(),
                    e.actor(),
                    "DECISION",
                    e.summary(),
                    e.canonicalDetails()),
            e ->
                with(
                    e,
                    e.prevHash(),
                    e.contractId(),
                    e.seq(),
                    e.occurredAt(),
                    e.actor(),
                    e.kind(),
                    e.summary() + ".",
                    e.canonicalDetails()),
            e ->
                with(
                    e,
                    e.prevHash(),
                    e.contractId(),
                    e.seq(),
                    e.occurredAt(),
                    e.actor(),
                    e.kind(),
                    e.summary(),
                    e.canonicalDetails().replace("12000.5", "12000.6")),
            e ->
                with(
                    e,
                    e.prevHash(),
                    e.contractId(),
                    e.seq(),
                    e.occurredAt(),
                    e.actor(),
                    e.kind(),
                    e.summary(),
                    e.canonicalDetails().replace("\"to\"", "\"To\"")));

    Set<String> hashes = new HashSet<>();
    hashes.add(EntryHash.of(entry()));
    for (UnaryOperator<EntryHash.Input> change : changes) {
      hashes.add(EntryHash.of(change.apply(entry())));
    }
    assertThat(hashes).hasSize(changes.size() + 1);
  }

  @Test
  void fieldBoundariesCannotMove() {
    EntryHash.Input ab = with(entry(), EntryHash.GENESIS, CONTRACT, 1, AT, "ab", "KIND", "c", "{}");
    EntryHash.Input a = with(entry(), EntryHash.GENESIS, CONTRACT, 1, AT, "a", "KIND", "bc", "{}");
    EntryHash.Input emptyKind =
        with(entry(), EntryHash.GENESIS, CONTRACT, 1, AT, "a", "", "KINDbc", "{}");

    assertThat(Set.of(EntryHash.of(ab), EntryHash.of(a), EntryHash.of(emptyKind))).hasSize(3);
  }

  @Test
  void timeIsUtcWithSixFractionDigits() {
    assertThat(EntryHash.time(Instant.parse("2026-03-01T09:30:00Z")))
        .isEqualTo("2026-03-01T09:30:00.000000Z");
    assertThat(EntryHash.time(Instant.parse("2026-03-01T09:30:00.1Z")))
        .isEqualTo("2026-03-01T09:30:00.100000Z");
    assertThat(EntryHash.time(AT)).isEqualTo("2026-03-01T09:30:00.123456Z");
  }

  private static EntryHash.Input with(
      EntryHash.Input ignored,
      String prevHash,
      UUID contractId,
      int seq,
      Instant at,
      String actor,
      String kind,
      String summary,
      String details) {
    return new EntryHash.Input(prevHash, contractId, seq, at, actor, kind, summary, details);
  }
}
