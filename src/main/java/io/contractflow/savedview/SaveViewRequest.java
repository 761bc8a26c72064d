package io.contractflow.savedview;

import io.contractflow.platform.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A view to save: which list, its name, and its query string without the leading {@code ?}. */
public record SaveViewRequest(
    @NotBlank @Pattern(regexp = "contracts", message = "must be one of: contracts") String list,
    @NotBlank @Size(max = 80) @PlainText String name,
    @Size(max = 2000)
        @Pattern(
            regexp = "[A-Za-z0-9_.~%&=+,:;*-]*",
            message = "must be a URL query string without '?' (names and values URL-encoded)")
        String query) {}
