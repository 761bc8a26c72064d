package io.contractflow.platform.web;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/** One page of a list: its items and where it sits in the whole. */
public record PageResponse<T>(List<T> content, PageInfo page) {

  public record PageInfo(int number, int size, long totalElements, int totalPages) {}

  public static <E, T> PageResponse<T> of(Page<E> page, Function<E, T> mapper) {
    return new PageResponse<>(
        page.getContent().stream().map(mapper).toList(),
        new PageInfo(
            page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages()));
  }
}
