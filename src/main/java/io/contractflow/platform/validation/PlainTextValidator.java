package io.contractflow.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link PlainText}: refuses the first hidden or direction-changing character. */
public class PlainTextValidator implements ConstraintValidator<PlainText, CharSequence> {

  private boolean multiline;

  @Override
  public void initialize(PlainText annotation) {
    this.multiline = annotation.multiline();
  }

  @Override
  public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
    return value == null || value.codePoints().noneMatch(this::refused);
  }

  private boolean refused(int c) {
    if (c == '\t' || c == '\n' || c == '\r') {
      return !multiline;
    }
    return hidden(c);
  }

  /** A character that changes how text displays without showing itself. */
  public static boolean hidden(int c) {
    return c < 0x20
        || (c >= 0x7F && c <= 0x9F) // C0, DEL, C1
        // zero-width space, LRM, RLM; the joiners (U+200C, U+200D) stay: Persian and Indic words
        // and emoji need them
        || c == 0x200B
        || c == 0x200E
        || c == 0x200F
        || (c >= 0x202A && c <= 0x202E) // embeddings and overrides
        || (c >= 0x2066 && c <= 0x2069) // isolates
        || (c >= 0x2060 && c <= 0x2064) // word joiner, invisible operators
        || c == 0x061C
        || c == 0xFEFF
        || c == 0x2028
        || c == 0x2029;
  }
}
