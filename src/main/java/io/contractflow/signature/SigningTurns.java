package io.contractflow.signature;

import java.util.Collection;
import java.util.List;
import java.util.OptionalInt;

/**
 * Whose turn it is. In PARALLEL mode every signer who has not acted may sign. In SEQUENTIAL mode
 * only those with the lowest order number among the signers still pending: signers who share that
 * number sign side by side, the next number's turn opens when all of them have signed.
 */
final class SigningTurns {

  private SigningTurns() {}

  /** One signer as the turn rules see them. */
  record Seat(int order, SignerStatus status) {}

  static boolean isTurn(SigningMode mode, Seat seat, Collection<Seat> all) {
    if (seat.status() != SignerStatus.PENDING) {
      return false;
    }
    if (mode == SigningMode.PARALLEL) {
      return true;
    }
    OptionalInt current = currentOrder(all);
    return current.isPresent() && seat.order() == current.getAsInt();
  }

  /** The order number whose turn is open in a sequential request; empty when no one is pending. */
  static OptionalInt currentOrder(Collection<Seat> all) {
    return all.stream().filter(s -> s.status() == SignerStatus.PENDING).mapToInt(Seat::order).min();
  }

  static boolean allSigned(Collection<Seat> all) {
    return !all.isEmpty() && all.stream().allMatch(s -> s.status() == SignerStatus.SIGNED);
  }

  static Seat seat(Signer signer) {
    return new Seat(signer.getOrder(), signer.getStatus());
  }

  static List<Seat> seats(List<Signer> signers) {
    return signers.stream().map(SigningTurns::seat).toList();
  }

  static boolean isTurn(SigningMode mode, Signer signer, List<Signer> all) {
    return isTurn(mode, seat(signer), seats(all));
  }
}
