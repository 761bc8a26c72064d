package io.contractflow.signature;

import static io.contractflow.signature.SignerStatus.CANCELLED;
import static io.contractflow.signature.SignerStatus.PENDING;
import static io.contractflow.signature.SignerStatus.SIGNED;
import static org.assertj.core.api.Assertions.assertThat;

import io.contractflow.signature.SigningTurns.Seat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SigningTurnsTest {

  private static List<Boolean> turns(SigningMode mode, List<Seat> seats) {
    return seats.stream().map(s -> SigningTurns.isTurn(mode, s, seats)).toList();
  }

  @Test
  void sequentialOpensOneOrderNumberAtATime() {
    assertThat(
            turns(
                SigningMode.SEQUENTIAL,
                List.of(new Seat(1, PENDING), new Seat(2, PENDING), new Seat(3, PENDING))))
        .containsExactly(true, false, false);
    assertThat(
            turns(
                SigningMode.SEQUENTIAL,
                List.of(new Seat(1, SIGNED), new Seat(2, PENDING), new Seat(3, PENDING))))
        .containsExactly(false, true, false);
    assertThat(
            turns(
                SigningMode.SEQUENTIAL,
                List.of(new Seat(1, SIGNED), new Seat(2, SIGNED), new Seat(3, PENDING))))
        .containsExactly(false, false, true);
  }

  @Test
  void sequentialSignersWhoShareAnOrderSignSideBySide() {
    List<Seat> seats =
        List.of(
            new Seat(1, PENDING), new Seat(2, PENDING), new Seat(2, PENDING), new Seat(3, PENDING));
    assertThat(turns(SigningMode.SEQUENTIAL, seats)).containsExactly(true, false, false, false);

    List<Seat> second =
        List.of(
            new Seat(1, SIGNED), new Seat(2, SIGNED), new Seat(2, PENDING), new Seat(3, PENDING));
    assertThat(turns(SigningMode.SEQUENTIAL, second)).containsExactly(false, false, true, false);
  }

  @Test
  void sequentialOrderIsByNumberNotByPosition() {
    List<Seat> seats = List.of(new Seat(3, PENDING), new Seat(1, PENDING), new Seat(2, PENDING));
    assertThat(turns(SigningMode.SEQUENTIAL, seats)).containsExactly(false, true, false);
  }

  @Test
  void parallelLetsEveryoneWhoHasNotActedSign() {
    List<Seat> seats = List.of(new Seat(1, PENDING), new Seat(2, SIGNED), new Seat(3, PENDING));
    assertThat(turns(SigningMode.PARALLEL, seats)).containsExactly(true, false, true);
  }

  @Test
  void noOneWhoSignedOrWasClosedOutHasATurn() {
    List<Seat> seats = List.of(new Seat(1, SIGNED), new Seat(1, CANCELLED));
    assertThat(turns(SigningMode.SEQUENTIAL, seats)).containsExactly(false, false);
    assertThat(turns(SigningMode.PARALLEL, seats)).containsExactly(false, false);
    assertThat(SigningTurns.currentOrder(seats)).isEmpty();
  }

  @Test
  void completeOnlyWhenEveryoneSigned() {
    assertThat(SigningTurns.allSigned(List.of(new Seat(1, SIGNED), new Seat(2, SIGNED)))).isTrue();
    assertThat(SigningTurns.allSigned(List.of(new Seat(1, SIGNED), new Seat(2, PENDING))))
        .isFalse();
    assertThat(SigningTurns.allSigned(List.of())).isFalse();
  }
}
