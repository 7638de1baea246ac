package org.billingcenter.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.billingcenter.support.AssistedActionPolicy.Access;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who may act for an organisation: the engineer on his claimed request, anyone else only with a reason. */
class AssistedActionPolicyTest {

  @ParameterizedTest(name = "{0} by {1}, override \"{2}\" → {3}")
  @CsvSource(nullValues = "null", value = {
      // request status, claimed by, override reason, access
      "CLAIMED,   me,    null,           CLAIMED_BY_YOU",
      "CLAIMED,   me,    'asked by CFO', CLAIMED_BY_YOU",
      "CLAIMED,   other, null,           CLAIMED_BY_OTHER",
      "CLAIMED,   other, '   ',          CLAIMED_BY_OTHER",
      "CLAIMED,   other, 'other is ill', OVERRIDE",
      "NEW,       null,  null,           NOT_CLAIMED",
      "NEW,       null,  '',             NOT_CLAIMED",
      "NEW,       null,  'urgent call',  OVERRIDE",
      "null,      null,  null,           NO_OPEN_REQUEST",
      "null,      null,  'phoned in',    OVERRIDE",
      "COMPLETED, me,    null,           NO_OPEN_REQUEST",
      "WITHDRAWN, me,    null,           NO_OPEN_REQUEST",
      "COMPLETED, me,    'follow-up',    OVERRIDE",
  })
  void only_the_claiming_engineer_acts_without_a_stated_override(
      CallbackStatus status, String claimedBy, String overrideReason, Access expected) {
    Access access = AssistedActionPolicy.decide(status, claimedBy, "me", overrideReason);

    assertThat(access).isEqualTo(expected);
    assertThat(access.allowed()).isEqualTo(expected == Access.CLAIMED_BY_YOU || expected == Access.OVERRIDE);
    assertThat(access.overridden()).isEqualTo(expected == Access.OVERRIDE);
  }

  @ParameterizedTest(name = "{0} licenses assigned, threshold {1} → {2} {3}")
  @CsvSource({
      "0,   25, CANCEL_ONLINE,  0",
      "24,  25, CANCEL_ONLINE,  0",
      "25,  25, REMOVE_OR_CALL, 1",
      "180, 25, REMOVE_OR_CALL, 156",
      "3,   3,  REMOVE_OR_CALL, 1",
  })
  void the_queue_shows_what_the_cancel_page_told_the_organisation(
      int assigned, int threshold, OrganisationDecision.Kind kind, int toRemove) {
    assertThat(OrganisationDecision.of(assigned, threshold)).isEqualTo(new OrganisationDecision(kind, toRemove));
  }
}
