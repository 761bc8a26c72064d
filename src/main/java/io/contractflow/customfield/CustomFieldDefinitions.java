package io.contractflow.customfield;

import io.contractflow.contract.ContractType;
import io.contractflow.identity.CurrentUser;
import io.contractflow.platform.error.ConflictException;
import io.contractflow.platform.error.FieldError;
import io.contractflow.platform.error.InvalidInputException;
import io.contractflow.platform.error.NotFoundException;
import io.contractflow.platform.error.NotPermittedException;
import io.contractflow.platform.web.ETags;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The custom fields: contract admins define, change, archive and delete them; everyone reads the
 * fields of a type (to fill a form); other features read them to check, index, route and report on
 * values. A field that contracts hold values of is archived instead of deleted, and keeps its kind,
 * its type and the choices in use.
 */
@Service
public class CustomFieldDefinitions {

  private static final Logger log = LoggerFactory.getLogger(CustomFieldDefinitions.class);

  private final CustomFieldRepository fields;
  private final CustomFieldUsage usage;
  private final Clock clock;

  CustomFieldDefinitions(CustomFieldRepository fields, CustomFieldUsage usage, Clock clock) {
    this.fields = fields;
    this.usage = usage;
    this.clock = clock;
  }

  /** Every field, archived ones too, oldest first. */
  @Transactional(readOnly = true)
  public List<CustomFieldDefinition> all() {
    return fields.findAllByOrderByCreatedAtAscKeyAsc().stream()
        .map(CustomFieldDefinition::of)
        .toList();
  }

  /** Every field, for an admin. */
  @Transactional(readOnly = true)
  List<CustomFieldDefinition> all(CurrentUser user) {
    requireAdmin(user);
    return all();
  }

  /** The fields contracts of this type are asked for (null: of any type), oldest first. */
  @Transactional(readOnly = true)
  public List<CustomFieldDefinition> active(ContractType type) {
    return all().stream()
        .filter(f -> !f.archived() && (type == null || f.appliesTo(type)))
        .toList();
  }

  /** The field with this key, archived or not. */
  @Transactional(readOnly = true)
  public Optional<CustomFieldDefinition> byKey(String key) {
    return fields.findByKey(key).map(CustomFieldDefinition::of);
  }

  /**
   * A value of the field as search holds it: a choice in its defined spelling, a number in plain
   * notation without trailing zeros, money as {@code 1200.50 EUR} (in its currency's decimals), a
   * date as {@code yyyy-mm-dd}, a party by its id, text as given.
   *
   * @throws IllegalArgumentException if the field cannot hold the value
   */
  public String searchTerm(CustomFieldDefinition field, String value) {
    Object canonical =
        new CustomFieldCheck(List.of(field), id -> true)
            .canonical(field, com.fasterxml.jackson.databind.node.TextNode.valueOf(value));
    if (canonical == null) {
      throw new IllegalArgumentException("must not be empty");
    }
    return text(canonical);
  }

  /** A stored value as text: what {@link #searchTerm} gives for it. */
  public static String text(Object value) {
    if (value instanceof java.math.BigDecimal || value instanceof Number) {
      java.math.BigDecimal n = new java.math.BigDecimal(value.toString()).stripTrailingZeros();
      return (n.scale() < 0 ? n.setScale(0) : n).toPlainString();
    }
    if (value instanceof java.util.Map<?, ?> money) {
      return new java.math.BigDecimal(String.valueOf(money.get("amount"))).toPlainString()
          + " "
          + money.get("currency");
    }
    return String.valueOf(value);
  }

  @Transactional(readOnly = true)
  CustomFieldDefinition get(CurrentUser user, UUID id) {
    requireAdmin(user);
    return CustomFieldDefinition.of(field(id));
  }

  @Transactional
  CustomFieldDefinition create(CurrentUser user, CustomFieldRequest request) {
    requireAdmin(user);
    if (request.key() == null) {
      throw InvalidInputException.field("key", "is required");
    }
    List<String> choices = choices(request);
    if (fields.findByKey(request.key()).isPresent()) {
      throw new ConflictException("A custom field with the key '" + request.key() + "' exists");
    }
    Instant now = clock.instant();
    CustomField field = new CustomField(UUID.randomUUID(), request.key(), request.kind(), now);
    field.describe(
        request.label().strip(),
        request.contractType(),
        request.kind(),
        Boolean.TRUE.equals(request.required()),
        choices,
        false,
        now);
    CustomField saved = fields.saveAndFlush(field);
    log.info(
        "Custom field {} ({}) defined by {}", saved.getKey(), saved.getKind(), user.username());
    return CustomFieldDefinition.of(saved);
  }

  @Transactional
  CustomFieldDefinition update(
      CurrentUser user, UUID id, String ifMatch, CustomFieldRequest request) {
    requireAdmin(user);
    CustomField field = field(id);
    if (ifMatch != null) {
      ETags.requireMatch(ifMatch, field.getVersion());
    }
    if (request.key() != null && !request.key().equals(field.getKey())) {
      throw InvalidInputException.field("key", "cannot change (it is " + field.getKey() + ")");
    }
    List<String> choices = choices(request);
    boolean kindChanges = request.kind() != field.getKind();
    boolean typeChanges = request.contractType() != field.getContractType();
    List<String> removed =
        field.getChoices().stream().filter(c -> choices.stream().noneMatch(c::equals)).toList();
    if (kindChanges || typeChanges || !removed.isEmpty()) {
      checkValuesStillFit(field, request, removed);
    }
    field.describe(
        request.label().strip(),
        request.contractType(),
        request.kind(),
        Boolean.TRUE.equals(request.required()),
        choices,
        request.archived() == null ? field.isArchived() : request.archived(),
        clock.instant());
    CustomField saved = fields.saveAndFlush(field);
    log.info("Custom field {} changed by {}", saved.getKey(), user.username());
    return CustomFieldDefinition.of(saved);
  }

  /**
   * Deletes the field, or archives it if contracts hold values of it.
   *
   * @return the archived field; empty when it was deleted
   */
  @Transactional
  Optional<CustomFieldDefinition> delete(CurrentUser user, UUID id) {
    requireAdmin(user);
    CustomField field = field(id);
    long holding = usage.contracts(field.getKey());
    if (holding == 0) {
      fields.delete(field);
      fields.flush();
      log.info("Custom field {} deleted by {}", field.getKey(), user.username());
      return Optional.empty();
    }
    field.describe(
        field.getLabel(),
        field.getContractType(),
        field.getKind(),
        field.isRequired(),
        field.getChoices(),
        true,
        clock.instant());
    CustomField saved = fields.saveAndFlush(field);
    log.info(
        "Custom field {} archived by {}: {} contract(s) hold values",
        field.getKey(),
        user.username(),
        holding);
    return Optional.of(CustomFieldDefinition.of(saved));
  }

  private void checkValuesStillFit(
      CustomField field, CustomFieldRequest request, List<String> removedChoices) {
    String key = field.getKey();
    if (request.kind() != field.getKind() && usage.contracts(key) > 0) {
      throw new ConflictException(
          "Contracts hold values of '" + key + "': its kind cannot change (archive it instead)");
    }
    if (request.contractType() != null) {
      Set<String> others = new TreeSet<>(usage.types(key));
      others.remove(request.contractType().name());
      if (!others.isEmpty()) {
        throw new ConflictException(
            "Contracts of " + others + " hold values of '" + key + "': it must stay on them");
      }
    }
    if (!removedChoices.isEmpty() && field.getKind() == FieldKind.CHOICE) {
      Set<String> inUse = new TreeSet<>(usage.values(key));
      inUse.retainAll(removedChoices);
      if (!inUse.isEmpty()) {
        throw new ConflictException(
            "Contracts hold the choices " + inUse + " of '" + key + "': they must stay");
      }
    }
  }

  /** The choices of the request, checked: some for a choice, none for other kinds. */
  private static List<String> choices(CustomFieldRequest request) {
    List<String> choices = new ArrayList<>();
    if (request.choices() != null) {
      request.choices().forEach(c -> choices.add(c.strip()));
    }
    List<FieldError> errors = new ArrayList<>();
    if (request.kind() == FieldKind.CHOICE && choices.isEmpty()) {
      errors.add(new FieldError("choices", "needs at least one choice for a choice field"));
    }
    if (request.kind() != FieldKind.CHOICE && !choices.isEmpty()) {
      errors.add(new FieldError("choices", "are for choice fields only"));
    }
    Set<String> seen = new HashSet<>();
    for (String choice : choices) {
      if (!seen.add(choice.toLowerCase(Locale.ROOT))) {
        errors.add(new FieldError("choices", "names '" + choice + "' more than once"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return choices;
  }

  private CustomField field(UUID id) {
    return fields.findById(id).orElseThrow(() -> NotFoundException.of("Custom field", id));
  }

  private static void requireAdmin(CurrentUser user) {
    if (!user.isAdmin()) {
      throw new NotPermittedException("Only contract admins define custom fields");
    }
  }
}
