package io.contractflow.platform.privacy;

import java.util.Set;
import java.util.UUID;

/**
 * A person was erased; published in the erasure's transaction. The contracts they were involved in:
 * copies kept elsewhere (the search index) are rebuilt from the database.
 */
public record PersonalDataErased(UUID erasureId, Set<UUID> contractIds) {}
