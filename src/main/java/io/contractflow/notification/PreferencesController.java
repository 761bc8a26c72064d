package io.contractflow.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.identity.CurrentUserProvider;
import io.contractflow.platform.error.FieldError;
import io.contractflow.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own notification preferences (nobody reads or sets another user's): per kind of
 * mail, on or off, and {@code immediate} or {@code daily-digest}.
 *
 * <pre>{"events": {"task-waiting": {"enabled": true, "delivery": "daily-digest"}, ...}}</pre>
 */
@RestController
@Tag(name = "Notifications")
class PreferencesController {

  private static final String PATH = "/api/notifications/preferences";

  private final NotificationPreferences preferences;
  private final CurrentUserProvider currentUser;

  PreferencesController(NotificationPreferences preferences, CurrentUserProvider currentUser) {
    this.preferences = preferences;
    this.currentUser = currentUser;
  }

  @GetMapping(PATH)
  @Operation(
      summary =
          "The caller's notification preferences: every kind of mail, on or off, immediate or in the"
              + " daily digest")
  JsonNode mine() {
    return view(preferences.of(currentUser.get().username()));
  }

  @PutMapping(PATH)
  @Operation(
      summary =
          "Changes the caller's notification preferences for the kinds named (others stay as they are)")
  JsonNode update(@RequestBody JsonNode body) {
    Map<String, NotificationPreferences.Preference> changes = parse(body);
    String user = currentUser.get().username();
    preferences.save(user, changes);
    return view(preferences.of(user));
  }

  private static Map<String, NotificationPreferences.Preference> parse(JsonNode body) {
    List<FieldError> errors = new ArrayList<>();
    Map<String, NotificationPreferences.Preference> changes = new LinkedHashMap<>();
    if (body == null || !body.isObject()) {
      throw invalid(List.of(new FieldError("", "must be an object with \"events\"")));
    }
    body.fieldNames()
        .forEachRemaining(
            name -> {
              if (!name.equals("events")) {
                errors.add(new FieldError(name, "unknown field"));
              }
            });
    JsonNode events = body.get("events");
    if (events == null || !events.isObject()) {
      errors.add(
          new FieldError("events", "must be an object: kind of mail -> {enabled, delivery}"));
    } else {
      for (Iterator<Map.Entry<String, JsonNode>> it = events.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        String field = "events." + entry.getKey();
        if (!NotificationPreferences.KINDS.contains(entry.getKey())) {
          errors.add(
              new FieldError(
                  field,
                  "unknown kind of mail; one of "
                      + String.join(", ", NotificationPreferences.KINDS)));
          continue;
        }
        JsonNode value = entry.getValue();
        if (!value.isObject()) {
          errors.add(new FieldError(field, "must be an object {enabled, delivery}"));
          continue;
        }
        value
            .fieldNames()
            .forEachRemaining(
                name -> {
                  if (!Set.of("enabled", "delivery").contains(name)) {
                    errors.add(new FieldError(field + "." + name, "unknown field"));
                  }
                });
        JsonNode enabled = value.get("enabled");
        if (enabled == null || !enabled.isBoolean()) {
          errors.add(new FieldError(field + ".enabled", "must be true or false"));
        }
        NotificationPreferences.Delivery delivery = delivery(value.get("delivery"));
        if (delivery == null) {
          errors.add(
              new FieldError(field + ".delivery", "must be \"immediate\" or \"daily-digest\""));
        }
        if (enabled != null && enabled.isBoolean() && delivery != null) {
          changes.put(
              entry.getKey(),
              new NotificationPreferences.Preference(enabled.booleanValue(), delivery));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    return changes;
  }

  private static NotificationPreferences.Delivery delivery(JsonNode value) {
    if (value == null || !value.isTextual()) {
      return null;
    }
    return switch (value.asText()) {
      case "immediate" -> NotificationPreferences.Delivery.IMMEDIATE;
      case "daily-digest" -> NotificationPreferences.Delivery.DAILY_DIGEST;
      default -> null;
    };
  }

  private static ApiException invalid(List<FieldError> errors) {
    return new ApiException(
        HttpStatus.BAD_REQUEST, "validation", "The request has invalid fields", errors);
  }

  private static JsonNode view(Map<String, NotificationPreferences.Preference> all) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ObjectNode events = body.putObject("events");
    all.forEach(
        (kind, preference) ->
            events
                .putObject(kind)
                .put("enabled", preference.enabled())
                .put(
                    "delivery",
                    preference.delivery() == NotificationPreferences.Delivery.IMMEDIATE
                        ? "immediate"
                        : "daily-digest"));
    return body;
  }
}
