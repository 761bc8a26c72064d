package io.contractflow.obligation;

/** Who works an obligation: one user, or the members of a group. */
public enum OwnerType {
  USER,
  GROUP
}
