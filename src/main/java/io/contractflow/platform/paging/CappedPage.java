package io.contractflow.platform.paging;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;

/**
 * A page whose total was counted only up to a limit: {@link #isTotalExact()} is false when more
 * matched than were counted, and the total is then a lower bound. Counting every match of a broad
 * filter on every page is what makes a list slow as a table grows, and no one pages through ten
 * thousand rows: they narrow the filter or search.
 */
public class CappedPage<T> extends PageImpl<T> {

  private final boolean totalExact;

  public CappedPage(List<T> content, Pageable pageable, long total, boolean totalExact) {
    super(content, pageable, total);
    this.totalExact = totalExact;
  }

  /** Whether {@link #getTotalElements()} is every match, not a lower bound. */
  public boolean isTotalExact() {
    return totalExact;
  }

  /** Whether a page's total counts every match: true for any page but a capped one. */
  public static boolean totalExact(Page<?> page) {
    return !(page instanceof CappedPage<?> capped) || capped.isTotalExact();
  }

  @Override
  public <U> CappedPage<U> map(Function<? super T, ? extends U> converter) {
    return new CappedPage<>(
        getContent().stream().<U>map(converter).toList(),
        getPageable(),
        getTotalElements(),
        totalExact);
  }
}
