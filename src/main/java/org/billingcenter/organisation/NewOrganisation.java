package org.billingcenter.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.billingcenter.account.EmailAddress;

/**
 * The operator's "open an organisation" form: the organisation's facts and its first Global admin,
 * who is invited by e-mail (the access issue's invitation) and sets his own password. Country,
 * currency and zone are also checked against the JDK's lists by {@link OrganisationService#open}.
 */
public record NewOrganisation(
    @NotBlank @Size(max = 200) String name,
    @NotBlank @Pattern(regexp = "[A-Z]{2}") String country,
    @NotBlank @Pattern(regexp = "[A-Z]{3}") String currency,
    @NotBlank @Pattern(regexp = LOCALES) String locale,
    @NotBlank @Size(max = 64) String timeZone,
    @NotBlank @Size(max = 200) String adminName,
    @NotBlank @EmailAddress.Valid String adminEmail) {

  /** The languages the product speaks, with the regions it formats for. */
  public static final String LOCALES = "en-GB|en-US|fr-FR|fr-BE|da-DK|bg-BG|zh-CN|zh-TW";

  public static final java.util.List<String> LOCALE_CHOICES = java.util.List.of(LOCALES.split("\\|"));
}
