package io.contractflow.platform.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Columns after a table's fixed ones, one per key that any row's values hold, in key order and
 * headed {@code prefix + key} (the exports' {@code cf.<key>}); a row without a value of a key has
 * an empty cell.
 */
public final class KeyedColumns {

  private final String prefix;
  private final SortedSet<String> keys = new TreeSet<>();

  private KeyedColumns(String prefix) {
    this.prefix = prefix;
  }

  /** The columns of every key the rows' values hold. */
  public static KeyedColumns of(String prefix, List<? extends Map<String, ?>> values) {
    KeyedColumns columns = new KeyedColumns(prefix);
    values.forEach(v -> columns.keys.addAll(v.keySet()));
    return columns;
  }

  /** The fixed headings, then these columns'. */
  public List<String> headings(List<String> fixed) {
    List<String> headings = new ArrayList<>(fixed);
    keys.forEach(key -> headings.add(prefix + key));
    return headings;
  }

  /** The row's fixed cells, then a cell per column: its value as {@code cell} writes it. */
  public <V> List<Object> row(List<Object> fixed, Map<String, V> values, Function<V, ?> cell) {
    List<Object> row = new ArrayList<>(fixed);
    keys.forEach(key -> row.add(values.get(key) == null ? null : cell.apply(values.get(key))));
    return row;
  }
}
