package io.contractflow.customfield;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CustomFieldRepository extends JpaRepository<CustomField, UUID> {

  Optional<CustomField> findByKey(String key);

  /**
   * Every field, oldest first. Read on every contract write: as a query string, so Hibernate
   * translates it once (a derived query is a criteria query, translated again on every call).
   */
  @Query("select f from CustomField f order by f.createdAt asc, f.key asc")
  List<CustomField> findAllByOrderByCreatedAtAscKeyAsc();
}
