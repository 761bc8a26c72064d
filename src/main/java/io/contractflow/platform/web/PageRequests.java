package io.contractflow.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * Builds page requests from {@code page}, {@code size} and {@code sort=field,dir} parameters,
 * refusing a size over the cap and any sort field not on the endpoint's list (so clients cannot
 * sort by internals).
 */
@Component
public class PageRequests {

  private final ApiProperties properties;

  public PageRequests(ApiProperties properties) {
    this.properties = properties;
  }

  /**
   * @param sortable public sort name → entity property path
   * @param defaultSort used when the client gives none
   */
  public PageRequest of(
      int page, int size, List<String> sort, Map<String, String> sortable, Sort defaultSort) {
    if (page < 0) {
      throw ApiException.invalid("page", "must be 0 or more");
    }
    if (size < 1 || size > properties.maxPageSize()) {
      throw ApiException.invalid("size", "must be between 1 and " + properties.maxPageSize());
    }
    // the database takes the offset as an int: a page past it is refused, not overflowed into a 500
    if ((long) page * size > Integer.MAX_VALUE - size) {
      throw ApiException.invalid(
          "page", "page × size must stay below " + (Integer.MAX_VALUE - size + 1L));
    }
    if (sort == null || sort.isEmpty()) {
      return PageRequest.of(page, size, defaultSort);
    }
    List<Sort.Order> orders = new ArrayList<>();
    for (int i = 0; i < sort.size(); i++) {
      String term = sort.get(i).trim();
      String direction = "asc";
      // "field,desc" may arrive as one value or, from sort=field,desc, split into two
      if (term.contains(",")) {
        direction = term.substring(term.indexOf(',') + 1).trim();
        term = term.substring(0, term.indexOf(',')).trim();
      } else if (i + 1 < sort.size() && isDirection(sort.get(i + 1))) {
        direction = sort.get(++i).trim();
      }
      String property = sortable.get(term);
      if (property == null) {
        throw ApiException.invalid(
            "sort", "can sort by " + String.join(", ", sortable.keySet()) + " only");
      }
      if (!isDirection(direction)) {
        throw ApiException.invalid("sort", "direction must be asc or desc");
      }
      orders.add(new Sort.Order(Sort.Direction.fromString(direction), property));
    }
    orders.addAll(
        defaultSort.stream()
            .filter(o -> orders.stream().noneMatch(x -> x.getProperty().equals(o.getProperty())))
            .toList());
    return PageRequest.of(page, size, Sort.by(orders));
  }

  private static boolean isDirection(String value) {
    String v = value.trim();
    return v.equalsIgnoreCase("asc") || v.equalsIgnoreCase("desc");
  }
}
