package io.contractflow.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The root of a Merkle tree over text leaves, SHA-256 with the leaf and node prefixes of RFC 6962
 * (a leaf cannot pass for a node); an odd node at the end of a level moves up as it is. The root of
 * no leaves is the hash of nothing.
 */
final class MerkleTree {

  private MerkleTree() {}

  static String root(List<String> leaves) {
    if (leaves.isEmpty()) {
      return HexFormat.of().formatHex(sha256().digest());
    }
    List<byte[]> level = new ArrayList<>(leaves.size());
    for (String leaf : leaves) {
      MessageDigest digest = sha256();
      digest.update((byte) 0);
      digest.update(leaf.getBytes(StandardCharsets.UTF_8));
      level.add(digest.digest());
    }
    while (level.size() > 1) {
      List<byte[]> next = new ArrayList<>((level.size() + 1) / 2);
      for (int i = 0; i < level.size(); i += 2) {
        if (i + 1 == level.size()) {
          next.add(level.get(i));
        } else {
          MessageDigest digest = sha256();
          digest.update((byte) 1);
          digest.update(level.get(i));
          digest.update(level.get(i + 1));
          next.add(digest.digest());
        }
      }
      level = next;
    }
    return HexFormat.of().formatHex(level.get(0));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
