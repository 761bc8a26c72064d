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

  /**
   * Notes each key of the two maps whose value changed (added, removed or different), as {@code
   * prefix + key}, in key order.
   */
  public FieldChanges compareEach(String prefix, Map<String, ?> before, Map<String, ?> after) {
    java.util.SortedSet<String> keys = new java.util.TreeSet<>();
    if (before != null) {
      keys.addAll(before.keySet());
    }
    if (after != null) {
      keys.addAll(after.keySet());
    }
    for (String key : keys) {
      compare(
          prefix + key,
          before == null ? null : before.get(key),
          after == null ? null : after.get(key));
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
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      if (!x.keySet().equals(y.keySet())) {
        return false;
      }
      return x.keySet().stream().allMatch(k -> same(x.get(k), y.get(k)));
    }
    return Objects.equals(a, b);
  }
}
