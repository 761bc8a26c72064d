package io.contractflow.document;

import java.text.Normalizer;

/**
 * Makes a client's file name safe to keep and to send back: only its last path segment, no control
 * characters, letters, digits and a few punctuation marks only, bounded length. The name is a
 * label: it never reaches a path.
 */
final class FileNames {

  static final int MAX_LENGTH = 120;

  private FileNames() {}

  static String sanitize(String original) {
    if (original == null) {
      return "";
    }
    String name = original;
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1);
    name = Normalizer.normalize(name, Normalizer.Form.NFC);
    name = name.replaceAll("\\p{Cntrl}|\\p{Cf}", "");
    name = name.replaceAll("[^\\p{L}\\p{N} ._()\\-]", "_");
    name = name.replaceAll("\\s+", " ").replaceAll("_{2,}", "_");
    name = name.replaceAll("^[ .]+|[ .]+$", "");
    if (name.length() > MAX_LENGTH) {
      int dot = name.lastIndexOf('.');
      String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
      name = name.substring(0, MAX_LENGTH - ext.length()) + ext;
    }
    return name;
  }
}
