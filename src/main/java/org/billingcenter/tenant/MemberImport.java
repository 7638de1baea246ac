package org.billingcenter.tenant;

import java.util.List;

/**
 * What an import did: every row imported ({@code problems} empty), or nothing at all and every bad
 * line reported, in line order.
 */
public record MemberImport(int imported, List<ImportProblem> problems) {

  public MemberImport {
    problems = List.copyOf(problems);
  }

  public boolean accepted() {
    return problems.isEmpty();
  }
}
