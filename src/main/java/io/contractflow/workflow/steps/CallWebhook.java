package io.contractflow.workflow.steps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contractflow.contract.ContractResponse;
import io.contractflow.contract.ContractTransitions;
import io.contractflow.workflow.ProcessVariables;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Call webhook" (template {@value #TEMPLATE}): POSTs the contract's event as JSON to the
 * configured {@code url}, whose host must be on the operator's allow-list ({@link
 * WebhookProperties}), signed ({@link WebhookSignature}), within the connect and read timeouts and
 * without following redirects. Anything but a 2xx answer fails the step: the template puts it
 * behind an asynchronous continuation with retries, then an incident.
 *
 * <p>The body: {@code {"event", "contractId", "reference", "title", "status",
 * "processDefinitionId", "processInstanceId", "step", "sentAt"}}; {@value
 * WebhookSignature#DELIVERY} is the same on every retry of one call, so a receiver can drop a
 * repeat.
 */
@Component("callWebhook")
class CallWebhook implements JavaDelegate, TemplatedStep {

  static final String TEMPLATE = "io.contractflow.CallWebhook";
  static final String URL = "url";
  static final String EVENT = "event";
  static final Pattern EVENTS = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,99}");

  private final WebhookProperties properties;
  private final ContractTransitions contracts;
  private final ObjectMapper json;
  private final Clock clock;
  private final HttpClient http;

  CallWebhook(
      WebhookProperties properties, ContractTransitions contracts, ObjectMapper json, Clock clock) {
    this.properties = properties;
    this.contracts = contracts;
    this.json = json;
    this.clock = clock;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(properties.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public void execute(DelegateExecution execution) throws IOException, InterruptedException {
    String url = StepInputs.required(execution, URL);
    String event = StepInputs.required(execution, EVENT);
    List<String> problems = check(Map.of(URL, url, EVENT, event));
    if (properties.secret().isEmpty()) {
      problems.add("no webhook secret is set (contractflow.webhooks.secret)");
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(String.join("; ", problems));
    }
    ContractResponse contract = contracts.current(ProcessVariables.contractId(execution));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("event", event);
    body.put("contractId", contract.id());
    body.put("reference", contract.reference());
    body.put("title", contract.title());
    body.put("status", contract.status());
    body.put("processDefinitionId", execution.getProcessDefinitionId());
    body.put("processInstanceId", execution.getProcessInstanceId());
    body.put("step", execution.getCurrentActivityId());
    body.put("sentAt", clock.instant().toString());
    String text = text(body);
    long timestamp = clock.instant().getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(properties.readTimeout())
            .header("Content-Type", "application/json")
            .header(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
            .header(
                WebhookSignature.SIGNATURE,
                WebhookSignature.sign(properties.secret(), timestamp, text))
            .header(
                WebhookSignature.DELIVERY,
                execution.getId() + ":" + execution.getCurrentActivityId())
            .POST(HttpRequest.BodyPublishers.ofString(text))
            .build();
    HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          "The webhook " + url + " answered " + response.statusCode() + " to " + event);
    }
  }

  private String text(Map<String, Object> body) {
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the webhook's body", e);
    }
  }

  @Override
  public String templateId() {
    return TEMPLATE;
  }

  @Override
  public List<String> check(Map<String, String> values) {
    List<String> problems = new ArrayList<>();
    String url = values.get(URL);
    if (url != null && !StepInputs.isExpression(url)) {
      URI uri = null;
      try {
        uri = URI.create(url);
      } catch (IllegalArgumentException bad) {
        problems.add("url '" + url + "' is no URL");
      }
      if (uri != null) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
          problems.add("url '" + url + "' is no http(s) URL");
        } else if (uri.getUserInfo() != null) {
          problems.add("url '" + url + "' carries credentials");
        } else if (!properties.allows(uri.getHost())) {
          problems.add(
              "url '"
                  + url
                  + "': the host "
                  + uri.getHost()
                  + " is not on the operator's allow-list (contractflow.webhooks.allowed-hosts"
                  + (properties.allowedHosts().isEmpty()
                      ? ", empty: every webhook is refused)"
                      : ": " + properties.allowedHosts() + ")"));
        }
      }
    }
    String event = values.get(EVENT);
    if (event != null && !StepInputs.isExpression(event) && !EVENTS.matcher(event).matches()) {
      problems.add("event '" + event + "' is no name of letters, digits, '.', '_', '-'");
    }
    return problems;
  }
}
