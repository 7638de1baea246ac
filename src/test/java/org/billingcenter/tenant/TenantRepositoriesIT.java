package org.billingcenter.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.MemberId;
import org.billingcenter.shared.Rejected;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.billingcenter.tenant.TenantService.NewMember;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class TenantRepositoriesIT extends DatabaseIT {

  @Autowired MemberRepository members;
  @Autowired PaymentMethodRepository paymentMethods;
  @Autowired TenantRepository tenantRows;
  @Autowired TenantService service;
  @Autowired TransactionTemplate transaction;

  @Test
  void a_tenant_reads_back_with_its_zone_locale_and_currency() {
    Given org = tenants.tenant(0);
    Tenant read = tenantRows.find(org.id()).orElseThrow();
    assertThat(read.timeZone().getId()).isEqualTo("Europe/Paris");
    assertThat(read.locale().toLanguageTag()).isEqualTo("fr-FR");
    assertThat(read.currency().getCurrencyCode()).isEqualTo("EUR");
  }

  @Test
  void a_tenant_cannot_read_another_tenants_members() {
    Given a = tenants.tenant(2);
    Given b = tenants.tenant(3);
    assertThat(members.list(a.id(), PageRequest.FIRST)).extracting(Member::id).containsExactlyInAnyOrderElementsOf(a.members());
    assertThat(members.find(a.id(), b.members().get(0))).isEmpty();
    assertThat((Integer) transaction.execute(t -> members.lockAll(a.id(), b.members()))).isZero();
    assertThat((Boolean) transaction.execute(t -> service.lockMembers(a.id(), List.of(a.members().get(0), b.members().get(0))))).isFalse();
  }

  @Test
  void a_tenant_cannot_read_another_tenants_payment_methods() {
    Given a = tenants.tenant(0);
    Given b = tenants.tenant(0);
    assertThat(paymentMethods.find(a.id(), b.card())).isEmpty();
    assertThat(paymentMethods.list(a.id(), PageRequest.FIRST)).extracting(PaymentMethod::id).containsExactly(a.card());
  }

  @Test
  void the_same_email_may_exist_in_two_tenants_but_not_twice_in_one() {
    Given a = tenants.tenant(0);
    Given b = tenants.tenant(0);
    service.addMembers(a.id(), List.of(new NewMember("Kim", "kim@shared.example")), "test");
    service.addMembers(b.id(), List.of(new NewMember("Kim", "kim@shared.example")), "test");
    assertThatThrownBy(
            () -> service.addMembers(a.id(), List.of(new NewMember("Kim 2", "KIM@shared.example")), "test"))
        .isInstanceOf(Rejected.class)
        .extracting(e -> ((Rejected) e).reason())
        .isEqualTo(TenantReason.MEMBER_EMAIL_TAKEN);
  }

  @Test
  void a_bulk_add_with_one_bad_row_adds_nobody() {
    Given a = tenants.tenant(0);
    List<NewMember> batch =
        List.of(new NewMember("One", "one@x.example"), new NewMember("Dup", "one@x.example"));
    assertThatThrownBy(() -> service.addMembers(a.id(), batch, "test")).isInstanceOf(Rejected.class);
    assertThat(members.list(a.id(), PageRequest.FIRST)).isEmpty();
  }

  @Test
  void a_card_number_is_never_stored_as_a_token() {
    Given a = tenants.tenant(0);
    assertThatThrownBy(
            () ->
                service.addPaymentMethod(
                    a.id(),
                    new TenantService.NewPaymentMethod("4111 1111 1111 1111", "Visa", "1111", 1, 2035),
                    "test"))
        .isInstanceOf(Rejected.class);
    assertThat(paymentMethods.list(a.id(), PageRequest.FIRST)).hasSize(1);
  }

  @Test
  void unknown_member_ids_are_not_members() {
    Given a = tenants.tenant(1);
    assertThat((Boolean) transaction.execute(t -> service.lockMembers(a.id(), List.of(MemberId.random())))).isFalse();
  }
}
