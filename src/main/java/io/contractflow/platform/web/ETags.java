package io.contractflow.platform.web;

import java.util.Arrays;

/** Strong entity tags from an entity's version, and the {@code If-Match} check for updates. */
public final class ETags {

  private ETags() {}

  public static String of(long version) {
    return "\"" + version + "\"";
  }

  /**
   * Refuses an update without {@code If-Match} (428) or whose tag is not the current version (412).
   * {@code *} matches any existing representation.
   */
  public static void requireMatch(String ifMatch, long currentVersion) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw ApiException.preconditionRequired(
          "Send If-Match with the ETag you read, so that you do not overwrite someone else's change");
    }
    String current = of(currentVersion);
    boolean matches =
        Arrays.stream(ifMatch.split(","))
            .map(String::trim)
            .anyMatch(tag -> tag.equals("*") || tag.equals(current));
    if (!matches) {
      throw ApiException.preconditionFailed(
          "The resource has changed since you read it (current ETag "
              + current
              + "); read it again and retry");
    }
  }
}
