package org.billingcenter.session;

import java.util.List;
import java.util.Locale;

/**
 * A short description of a browser from its User-Agent ("Firefox · Windows"): names only, no
 * version, so it says which device without fingerprinting it. Unknown parts are left out; nothing
 * known gives null (the page then says "unknown device" in its language).
 */
public final class Devices {

  private record Name(String marker, String shown) {}

  // Order matters: Edge and Opera say "Chrome" too, Chrome says "Safari", Android says "Linux".
  private static final List<Name> BROWSERS = List.of(new Name("edg/", "Edge"), new Name("opr/", "Opera"),
      new Name("firefox/", "Firefox"), new Name("chromium/", "Chromium"), new Name("chrome/", "Chrome"),
      new Name("safari/", "Safari"), new Name("curl/", "curl"));
  private static final List<Name> SYSTEMS = List.of(new Name("android", "Android"), new Name("iphone", "iPhone"),
      new Name("ipad", "iPad"), new Name("windows", "Windows"), new Name("mac os x", "macOS"),
      new Name("cros", "ChromeOS"), new Name("linux", "Linux"));

  private Devices() {}

  public static String describe(String userAgent) {
    if (userAgent == null || userAgent.isBlank()) {
      return null;
    }
    String ua = userAgent.toLowerCase(Locale.ROOT);
    String browser = first(BROWSERS, ua);
    String system = first(SYSTEMS, ua);
    if (browser == null && system == null) {
      return null;
    }
    return browser == null ? system : system == null ? browser : browser + " · " + system;
  }

  private static String first(List<Name> names, String ua) {
    return names.stream().filter(n -> ua.contains(n.marker())).map(Name::shown).findFirst().orElse(null);
  }
}
