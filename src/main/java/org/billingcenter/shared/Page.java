package org.billingcenter.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a list with the count of the whole list, read with the same filter. */
public record Page<T>(List<T> items, PageRequest request, long total) {

  public Page {
    items = List.copyOf(items);
  }

  /** At least one, so an empty list still has a first (and last) page. */
  public int pages() {
    return (int) Math.max(1, (total + request.size() - 1) / request.size());
  }

  public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
    return new Page<>(items.stream().<R>map(mapper).toList(), request, total);
  }
}
