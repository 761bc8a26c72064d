package io.contractflow.identity;

/** Where the workspace signs users in and out (both profiles). */
public final class WorkspacePaths {

  /** The sign-in page: our form (embedded default) or the way to Keycloak ({@code keycloak}). */
  public static final String SIGN_IN = "/signin";

  /** Signing out: a POST with the CSRF token. */
  public static final String SIGN_OUT = "/signout";

  private WorkspacePaths() {}
}
