package io.contractflow.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The platform's clock.
 *
 * @param offset how far the platform's and the engine's clocks run ahead of the system clock; zero
 *     in production. Set it to try the platform (or run its tests) on another day, e.g. {@code
 *     P730D} two years ahead
 */
@ConfigurationProperties("contractflow.clock")
public record ClockProperties(@DefaultValue("0s") Duration offset) {}
