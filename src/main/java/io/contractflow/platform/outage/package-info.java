/**
 * What the platform does while its database is unavailable: {@link
 * io.contractflow.platform.outage.ConnectionFailures} tells a failure to reach the database from
 * any other, and {@link io.contractflow.platform.outage.DatabaseGate} (a Resilience4j circuit
 * breaker in front of the connection pool) refuses connections at once for a moment after the
 * database failed, letting one probe through, so requests and background work fail fast instead of
 * waiting for the pool's timeout. See docs/operations.md, "Database outage".
 */
package io.contractflow.platform.outage;
