package org.billingcenter.demo;

import java.util.List;
import java.util.Locale;

/** Fictional people for the demo organisations: first × last names, numbered when they repeat. */
final class DemoNames {

  private static final List<String> FIRST =
      List.of("Ada", "Bo", "Camille", "Dimitar", "Emil", "Freja", "Gao", "Hana", "Ivo", "Jun",
          "Kalina", "Lars", "Mei", "Nora", "Oskar", "Petya", "Quentin", "Rosa", "Stefan", "Tove");

  private static final List<String> LAST =
      List.of("Andersen", "Bernard", "Chen", "Dimitrova", "Eriksen", "Fontaine", "Georgiev",
          "Huang", "Ivanova", "Jensen", "Lin", "Moreau");

  private DemoNames() {}

  static String name(int i) {
    String first = FIRST.get((i - 1) % FIRST.size());
    String last = LAST.get(((i - 1) / FIRST.size()) % LAST.size());
    int round = (i - 1) / (FIRST.size() * LAST.size());
    return round == 0 ? first + " " + last : first + " " + last + " " + (round + 1);
  }

  static String email(int i, String domain) {
    return name(i).toLowerCase(Locale.ROOT).replace(' ', '.') + "@" + domain;
  }

  /** A demo admin's fictional address: "Boris Birch" of "Birch Logistics" is boris@birch-logistics.example. */
  static String adminEmail(String person, String organisation) {
    String first = person.split(" ")[0].toLowerCase(Locale.ROOT);
    return first + "@" + organisation.toLowerCase(Locale.ROOT).replace(' ', '-') + ".example";
  }
}
