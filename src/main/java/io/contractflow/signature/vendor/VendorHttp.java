package io.contractflow.signature.vendor;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * RestClients for vendors: connect and read timeouts always set; a vendor's error is an exception
 * (a job retry).
 */
public final class VendorHttp {

  private VendorHttp() {}

  public static RestClient client(Duration connectTimeout, Duration readTimeout) {
    // HTTP/1.1: what every vendor documents; no h2c upgrade on plain-HTTP test stubs
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
    factory.setReadTimeout(readTimeout);
    return RestClient.builder().requestFactory(factory).build();
  }

  /**
   * Whether the vendor refused the access token (so it is renewed and the call tried once more).
   */
  public static boolean unauthorized(RuntimeException e) {
    return e instanceof RestClientResponseException r
        && r.getStatusCode().isSameCodeAs(HttpStatusCode.valueOf(401));
  }
}
