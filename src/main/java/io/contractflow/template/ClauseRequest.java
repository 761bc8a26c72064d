package io.contractflow.template;

import io.contractflow.platform.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new clause: its key (how templates name it), title and first text. */
record ClauseRequest(
    @NotBlank
        @Size(max = 64)
        @Pattern(regexp = ClauseRequest.KEY, message = "must be lower-case words joined by '-'")
        String key,
    @NotBlank @Size(max = 200) @PlainText String title,
    @NotBlank @Size(max = ClauseRequest.MAX_TEXT) String text) {

  static final String KEY = "[a-z0-9]+(-[a-z0-9]+)*";
  static final int MAX_TEXT = 20_000;

  /** A clause's next text. */
  record NewVersion(@NotBlank @Size(max = MAX_TEXT) String text) {}
}
