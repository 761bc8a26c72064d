package io.contractflow.platform.web;

/**
 * A route whose uploads have a limit of their own, above the multipart one ({@code
 * spring.servlet.multipart.max-request-size}): a bulk import's archive. {@link
 * RequestBodyLimitFilter} refuses a declared length over it with 413 before a byte is read; the
 * feature serves the route with multipart limits to match (and streams the parts to disk).
 *
 * @param path the route's path, exactly (no pattern)
 * @param maxRequestBytes the largest request body, the multipart envelope included
 */
public record LargeUploadRoute(String path, long maxRequestBytes) {}
