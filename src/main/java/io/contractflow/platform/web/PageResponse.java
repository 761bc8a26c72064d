package io.contractflow.platform.web;

import io.contractflow.platform.paging.CappedPage;
import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/** One page of a list: its items and where it sits in the whole. */
public record PageResponse<T>(List<T> content, PageInfo page) {

  /**
   * Where a page sits: {@code totalExact} is false when the list counted its matches only up to a
   * limit and more matched ({@code totalElements} and {@code totalPages} are then lower bounds).
   */
  public record PageInfo(
      int number, int size, long totalElements, int totalPages, boolean totalExact) {

    public PageInfo(int number, int size, long totalElements, int totalPages) {
      this(number, size, totalElements, totalPages, true);
    }
  }

  public static <E, T> PageResponse<T> of(Page<E> page, Function<E, T> mapper) {
    return new PageResponse<>(
        page.getContent().stream().map(mapper).toList(),
        new PageInfo(
            page.getNumber(),
            page.getSize(),
            page.getTotalElements(),
            page.getTotalPages(),
            CappedPage.totalExact(page)));
  }
}
