package org.billingcenter.testing;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Reads a whole paged API list the way a client should: page after page along {@code Link: rel="next"}. */
public final class PagedLists {

  private static final Pattern NEXT = Pattern.compile("<([^>]*)>; rel=\"next\"");

  private PagedLists() {}

  /** Every item of the list at {@code url}, each as JSON-path's map, in the list's order. */
  public static List<Map<String, Object>> all(MockMvc mvc, String url, RequestPostProcessor caller) throws Exception {
    List<Map<String, Object>> items = new ArrayList<>();
    String next = url;
    while (next != null) {
      MockHttpServletResponse page = mvc.perform(get(next).with(caller)).andReturn().getResponse();
      if (page.getStatus() != 200) {
        throw new AssertionError(next + " answered " + page.getStatus() + ": " + page.getContentAsString());
      }
      items.addAll(JsonPath.read(page.getContentAsString(), "$"));
      next = next(page.getHeader("Link"));
    }
    return items;
  }

  /** The {@code rel="next"} target of a Link header, or null on the last page. */
  public static String next(String link) {
    if (link == null) {
      return null;
    }
    Matcher m = NEXT.matcher(link);
    return m.find() ? m.group(1) : null;
  }
}
