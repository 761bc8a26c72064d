package io.contractflow.document.scan;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Optional virus scanning through ClamAV's clamd.
 *
 * @param enabled scan every upload; when on and clamd gives no verdict, uploads are refused (fail
 *     closed)
 * @param host clamd's TCP host
 * @param port clamd's TCP port
 * @param timeout connect and read timeout of one scan
 * @param chunkSize INSTREAM chunk size in bytes
 */
@ConfigurationProperties("contractflow.documents.virus-scan")
public record VirusScanProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("127.0.0.1") String host,
    @DefaultValue("3310") int port,
    @DefaultValue("30s") Duration timeout,
    @DefaultValue("65536") int chunkSize) {}
