package org.billingcenter.api;

import java.util.List;
import org.billingcenter.shared.Page;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * A page of a list as the API answers it: the body stays a JSON array (or the resource it always
 * was), the paging travels in {@code X-Total-Count} and an RFC 8288 {@code Link} header.
 */
public final class Paged {

  public static final String TOTAL_COUNT = "X-Total-Count";

  private Paged() {}

  public static <T> ResponseEntity<List<T>> ok(Page<T> page) {
    return ResponseEntity.ok().headers(headers(page)).body(page.items());
  }

  /** The two headers alone, for a resource that carries one paged list inside it. */
  public static HttpHeaders headers(Page<?> page) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(TOTAL_COUNT, String.valueOf(page.total()));
    headers.set(HttpHeaders.LINK, PageLinks.of(page, PageRequestResolver.PAGE).header());
    return headers;
  }
}
