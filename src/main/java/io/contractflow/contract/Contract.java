package io.contractflow.contract;

import io.contractflow.counterparty.Counterparty;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.OptimisticLock;

/** A contract: its facts, who owns it, and where it stands in its lifecycle. */
@Entity
@Table(name = "contract")
public class Contract {

  @Id private UUID id;

  @Column(nullable = false, unique = true, updatable = false, length = 20)
  private String reference;

  @Column(nullable = false, length = 200)
  private String title;

  @Column(length = 4000)
  private String description;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private ContractType type;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "counterparty_id", nullable = false)
  private Counterparty counterparty;

  @Embedded private Money value;

  @Column(name = "start_date", nullable = false)
  private LocalDate startDate;

  @Column(name = "end_date")
  private LocalDate endDate;

  @Embedded private RenewalTerms renewal;

  @Column(nullable = false, updatable = false, length = 64)
  private String owner;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private ContractStatus status;

  @ElementCollection
  @CollectionTable(name = "contract_tag", joinColumns = @JoinColumn(name = "contract_id"))
  @Column(name = "tag", length = 50)
  @BatchSize(size = 100)
  @OptimisticLock(
      excluded =
          true) // every edit bumps the version through updatedAt; the tag rows need no second bump
  private Set<String> tags = new TreeSet<>();

  /** The values of its custom fields by key (see {@link CustomFieldRules}). */
  @Convert(converter = CustomFieldsColumn.class)
  @Column(name = "custom_fields", nullable = false, columnDefinition = "jsonb")
  @ColumnTransformer(write = "?::jsonb")
  private Map<String, Object> customFields = new TreeMap<>();

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  /** Brought in by a bulk import, already signed: it joins the lifecycle at its active term. */
  @Column(nullable = false, updatable = false)
  private boolean imported;

  /*
   * A legal hold (issue 21): read here for the API's view, written only by the retention feature's
   * LegalHolds (never through this entity, so a save of a contract loaded before a hold keeps it).
   */
  @Column(name = "legal_hold_reason", insertable = false, updatable = false)
  private String legalHoldReason;

  @Column(name = "legal_hold_placed_by", insertable = false, updatable = false)
  private String legalHoldPlacedBy;

  @Column(name = "legal_hold_placed_at", insertable = false, updatable = false)
  private Instant legalHoldPlacedAt;

  @Version private Long version;

  protected Contract() {}

  Contract(UUID id, String reference, String owner, Instant now) {
    this.id = id;
    this.reference = reference;
    this.owner = owner;
    this.status = ContractStatus.DRAFT;
    this.createdAt = now;
    this.updatedAt = now;
  }

  void describe(ContractDetails details, Counterparty counterparty, Instant now) {
    this.title = details.title();
    this.description = details.description();
    this.type = details.type();
    this.counterparty = counterparty;
    this.value = details.value();
    this.startDate = details.startDate();
    this.endDate = details.endDate();
    this.renewal = details.renewal();
    this.tags.clear();
    this.tags.addAll(details.tags());
    this.customFields = new TreeMap<>(details.customFields());
    this.updatedAt = now;
  }

  /**
   * A new term after the current one: it starts the day after the end date and runs for the renewal
   * term.
   */
  void renew(Instant now) {
    RenewalTerms terms = getRenewal();
    if (endDate == null || terms.renewalTermMonths() == null || terms.renewalTermMonths() <= 0) {
      throw new IllegalStateException("Contract " + reference + " has no fixed term to renew");
    }
    this.startDate = endDate.plusDays(1);
    this.endDate = endDate.plusMonths(terms.renewalTermMonths());
    this.updatedAt = now;
  }

  /** An imported draft, verified, becomes ACTIVE or (its end date passed) EXPIRED at once. */
  static Contract imported(UUID id, String reference, String owner, Instant now) {
    Contract contract = new Contract(id, reference, owner, now);
    contract.imported = true;
    return contract;
  }

  /**
   * An imported draft joins the lifecycle where a signed contract stands: ACTIVE, or EXPIRED if its
   * term has already run out. Only imported drafts skip review and signing.
   */
  void joinAt(ContractStatus next, Instant now) {
    if (!imported
        || status != ContractStatus.DRAFT
        || (next != ContractStatus.ACTIVE && next != ContractStatus.EXPIRED)) {
      throw new IllegalStateException(
          "Only an imported draft becomes ACTIVE or EXPIRED directly, not a " + status + " one");
    }
    this.status = next;
    this.updatedAt = now;
  }

  public boolean isImported() {
    return imported;
  }

  void moveTo(ContractStatus next, Instant now) {
    if (!status.canMoveTo(next)) {
      throw new IllegalStateException("A " + status + " contract cannot become " + next);
    }
    this.status = next;
    this.updatedAt = now;
  }

  public UUID getId() {
    return id;
  }

  public String getReference() {
    return reference;
  }

  public String getTitle() {
    return title;
  }

  public String getDescription() {
    return description;
  }

  public ContractType getType() {
    return type;
  }

  public Counterparty getCounterparty() {
    return counterparty;
  }

  public Money getValue() {
    return value;
  }

  public LocalDate getStartDate() {
    return startDate;
  }

  public LocalDate getEndDate() {
    return endDate;
  }

  public RenewalTerms getRenewal() {
    return renewal == null ? RenewalTerms.none() : renewal;
  }

  public String getOwner() {
    return owner;
  }

  public ContractStatus getStatus() {
    return status;
  }

  public Set<String> getTags() {
    return tags;
  }

  public Map<String, Object> getCustomFields() {
    return customFields == null ? Map.of() : java.util.Collections.unmodifiableMap(customFields);
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  /** The contract's legal hold, or null when it has none. */
  public LegalHold getLegalHold() {
    return legalHoldPlacedAt == null
        ? null
        : new LegalHold(legalHoldReason, legalHoldPlacedBy, legalHoldPlacedAt);
  }

  public long getVersion() {
    return version == null ? 0 : version;
  }
}
