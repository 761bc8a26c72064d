package io.contractflow.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.identity.CurrentUser;
import io.contractflow.identity.Role;
import io.contractflow.platform.paging.CappedPage;
import io.contractflow.support.IntegrationTest;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The list's two cost bounds, with small limits on the real database: the count stops at its limit
 * and says so, and a caller with more shares than are listed by id gets the same contracts through
 * the correlated form.
 */
class ContractPagesIT extends IntegrationTest {

  private static final CurrentUser RAVI =
      new CurrentUser("ravi", Set.of("requester"), Set.of(Role.REQUESTER));

  @Autowired EntityManager entityManager;
  @Autowired ContractShareRepository shares;
  @Autowired TransactionTemplate transactions;

  private String marker;
  private List<String> ravisNewestFirst;

  @BeforeEach
  void raviOwnsThreeAndRitaSharesTwoWithHim() {
    marker = "Pages-" + UUID.randomUUID().toString().substring(0, 8);
    String first = create("ravi").get("id").asText();
    String second = create("ravi").get("id").asText();
    String third = create("ravi").get("id").asText();
    ravisNewestFirst = List.of(third, second, first);
    for (int i = 0; i < 2; i++) {
      String shared = create("rita").get("id").asText();
      assertThat(
              api.as("rita")
                  .put(
                      "/api/contracts/" + shared + "/shares",
                      share(i == 0 ? "USER" : "GROUP", i == 0 ? "ravi" : "requester", "VIEW"))
                  .status())
          .isEqualTo(200);
    }
  }

  @Test
  void countsUpToItsLimitAndSaysWhenTheTotalIsALowerBound() {
    CappedPage<Contract> capped = page(new ContractPages(entityManager, shares, 4, 1000), 0, 2);
    assertThat(capped.getTotalElements()).isEqualTo(4);
    assertThat(capped.isTotalExact()).isFalse();

    CappedPage<Contract> counted = page(new ContractPages(entityManager, shares, 5, 1000), 0, 2);
    assertThat(counted.getTotalElements()).isEqualTo(5);
    assertThat(counted.isTotalExact()).isTrue();

    CappedPage<Contract> told = page(new ContractPages(entityManager, shares, 1, 1000), 2, 2);
    assertThat(told.getContent()).hasSize(1);
    assertThat(told.getTotalElements()).as("a last page tells its total").isEqualTo(5);
    assertThat(told.isTotalExact()).isTrue();
  }

  @Test
  void listsTheSameWhetherSharesAreListedByIdOrLookedUpPerRow() {
    List<UUID> byId = ids(page(new ContractPages(entityManager, shares, 100, 1000), 0, 10));
    List<UUID> perRow = ids(page(new ContractPages(entityManager, shares, 100, 0), 0, 10));

    assertThat(byId).hasSize(5).isEqualTo(perRow);
    assertThat(byId.subList(2, 5).stream().map(UUID::toString).toList())
        .as("newest first, his own after the two shared later")
        .isEqualTo(ravisNewestFirst);
  }

  @Test
  void theApiSaysWhetherItsTotalIsExact() {
    JsonNode page = api.as("ravi").get("/api/contracts?size=2&q=" + marker).json().get("page");
    assertThat(page.get("totalElements").asLong()).isEqualTo(5);
    assertThat(page.get("totalExact").asBoolean()).isTrue();
  }

  private CappedPage<Contract> page(ContractPages pages, int number, int size) {
    ContractFilter filter =
        new ContractFilter(
            null, null, null, null, null, marker, null, null, null, null, null, null, null);
    return transactions.execute(
        tx ->
            pages.find(
                RAVI,
                filter,
                PageRequest.of(
                    number, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id")))));
  }

  private static List<UUID> ids(CappedPage<Contract> page) {
    return page.getContent().stream().map(Contract::getId).toList();
  }

  private JsonNode create(String owner) {
    return createContract(owner, contractBody(createCounterparty(owner)).put("title", marker));
  }

  private static ObjectNode share(String type, String principal, String permission) {
    return JSON.createObjectNode()
        .put("principalType", type)
        .put("principalId", principal)
        .put("permission", permission);
  }
}
