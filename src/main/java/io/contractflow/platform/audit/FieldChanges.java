package io.contractflow.platform.audit;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an edit changed, for the events the audit trail records: each field whose value differs,
 * with its old and new value, in the order compared. Amounts compare by value ({@code 1.50} equals
 * {@code 1.5}).
 */
public final class FieldChanges {

  /** One changed field: its value before and after. */
  public record Change(Object from, Object to) {}

  private final Map<String, Change> changes = new LinkedHashMap<>();

  /** Notes the field if its value changed. */
  public FieldChanges compare(String field, Object from, Object to) {
    if (!same(from, to)) {
      changes.put(field, new Change(from, to));
    }
    return this;
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /** The changed fields, by name, in the order compared. */
  public Map<String, Change> asMap() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(changes));
  }

  private static boolean same(Object a, Object b) {
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return x.compareTo(y) == 0;
    }
    return Objects.equals(a, b);
  }
}
