package io.contractflow.customfield;

import io.contractflow.contract.ContractType;
import io.contractflow.platform.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A custom field's definition as an admin sends it. The key is set when the field is created and
 * never changes (an update must repeat it or leave it out).
 *
 * @param contractType the type whose contracts have the field; null or left out for every type
 * @param choices for a choice: its values (at least one, each at most once whatever its case)
 * @param archived on an update: true retires the field, false brings it back
 */
public record CustomFieldRequest(
    @Pattern(
            regexp = CustomFieldRequest.KEY,
            message = "must start with a lower-case letter, then lower-case letters, digits or '_'")
        @Size(max = 40)
        String key,
    @NotBlank @Size(max = 100) @PlainText String label,
    ContractType contractType,
    @NotNull FieldKind kind,
    Boolean required,
    @Size(max = 100) List<@NotBlank @Size(max = 100) @PlainText String> choices,
    Boolean archived) {

  /** What a key looks like: {@code cf.<key>} in search and reports, {@code cf_<key>} in DMN. */
  public static final String KEY = "[a-z][a-z0-9_]{0,39}";
}
