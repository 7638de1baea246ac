package org.billingcenter.admins;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.billingcenter.account.EmailAddress;
import org.billingcenter.account.Role;

/**
 * An invitation as the API's body and the Admins page's form send it: the one set of constraints
 * both are checked against. {@code locale}: the mail's language (blank: the organisation's).
 */
public record NewInvitation(
    @NotBlank @EmailAddress.Valid @Schema(example = "ada@example.org") String email,
    @NotBlank @Size(max = 200) String displayName,
    @NotEmpty @Size(max = 4) Set<Role> roles,
    @Size(max = 20) @Pattern(regexp = "^$|[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*") String locale) {}
