package io.contractflow.workflow.deployment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contractflow.security.SecurityLog;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The record of every deployment of models: who deployed what and when, and per file what changed
 * against its previous deployment (elements added, removed, modified; see {@link ModelElements}).
 * Written by the engine's deploy command in its own transaction (after the deployment checks), so a
 * deployment exists exactly when its record does; each one also goes to the security log.
 */
@Component
public class DeploymentRecords {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, String>> ELEMENTS = new TypeReference<>() {};
  private static final TypeReference<List<String>> IDS = new TypeReference<>() {};

  private final JdbcTemplate jdbc;
  private final SecurityLog securityLog;

  DeploymentRecords(JdbcTemplate jdbc, SecurityLog securityLog) {
    this.jdbc = jdbc;
    this.securityLog = securityLog;
  }

  /** One deployment in the list: newest first. */
  public record Deployment(
      String id,
      String name,
      String source,
      String deployedBy,
      Instant deployedAt,
      List<Resource> resources) {}

  /** One file of a deployment and what changed in it. */
  public record Resource(
      String resource,
      String sha256,
      String previousSha256,
      String change,
      List<String> added,
      List<String> removed,
      List<String> modified) {}

  /** Records a new deployment inside the engine's deploy command. */
  void record(DeploymentEntity deployment) {
    String user =
        Context.getCommandContext() == null
            ? null
            : Context.getCommandContext().getAuthenticatedUserId();
    Instant at =
        deployment.getDeploymentTime() == null
            ? Instant.now()
            : deployment.getDeploymentTime().toInstant();
    jdbc.update(
        "insert into contractflow.model_deployment (id, name, source, deployed_by, deployed_at)"
            + " values (?, ?, ?, ?, ?)",
        deployment.getId(),
        deployment.getName(),
        deployment.getSource(),
        user,
        Timestamp.from(at));
    int changed = 0;
    for (ResourceEntity resource : deployment.getResources().values()) {
      if (recordResource(deployment.getId(), resource.getName(), resource.getBytes())) {
        changed++;
      }
    }
    securityLog.modelsDeployed(user, deployment.getId(), deployment.getName(), changed);
  }

  /** Records one file; true when it is new or changed. */
  private boolean recordResource(String deploymentId, String name, byte[] content) {
    byte[] bytes = content == null ? new byte[0] : content;
    String sha = ModelElements.sha256(bytes);
    Map<String, String> elements = ModelElements.of(name, bytes);
    List<Map<String, Object>> previous =
        jdbc.queryForList(
            "select r.sha256, r.elements from contractflow.model_deployment_resource r"
                + " join contractflow.model_deployment d on d.id = r.deployment_id"
                + " where substring(r.resource from '[^/]*$') = ? and r.deployment_id <> ?"
                + " order by d.deployed_at desc limit 1",
            fileName(name),
            deploymentId);
    String previousSha = previous.isEmpty() ? null : (String) previous.get(0).get("sha256");
    Map<String, String> before =
        previous.isEmpty() ? Map.of() : read((String) previous.get(0).get("elements"), ELEMENTS);
    ModelElements.Diff diff = ModelElements.diff(before, elements);
    String change =
        previousSha == null ? "ADDED" : previousSha.equals(sha) ? "UNCHANGED" : "CHANGED";
    jdbc.update(
        "insert into contractflow.model_deployment_resource (deployment_id, resource, sha256,"
            + " previous_sha256, change, elements, added, removed, modified)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        deploymentId,
        name,
        sha,
        previousSha,
        change,
        write(elements),
        write(previousSha == null ? List.of() : diff.added()),
        write(diff.removed()),
        write(diff.modified()));
    return !change.equals("UNCHANGED");
  }

  /** The newest {@code limit} deployments, newest first, with their files. */
  public List<Deployment> newest(int limit) {
    Map<String, Deployment> deployments = new LinkedHashMap<>();
    jdbc.query(
        "select id, name, source, deployed_by, deployed_at from contractflow.model_deployment"
            + " order by deployed_at desc, id limit ?",
        rs -> {
          deployments.put(
              rs.getString("id"),
              new Deployment(
                  rs.getString("id"),
                  rs.getString("name"),
                  rs.getString("source"),
                  rs.getString("deployed_by"),
                  rs.getTimestamp("deployed_at").toInstant(),
                  new ArrayList<>()));
        },
        limit);
    if (deployments.isEmpty()) {
      return List.of();
    }
    String ids = String.join(",", deployments.keySet().stream().map(id -> "?").toList());
    jdbc.query(
        "select deployment_id, resource, sha256, previous_sha256, change, added, removed, modified"
            + " from contractflow.model_deployment_resource where deployment_id in ("
            + ids
            + ") order by resource",
        rs -> {
          deployments
              .get(rs.getString("deployment_id"))
              .resources()
              .add(
                  new Resource(
                      rs.getString("resource"),
                      rs.getString("sha256"),
                      rs.getString("previous_sha256"),
                      rs.getString("change"),
                      read(rs.getString("added"), IDS),
                      read(rs.getString("removed"), IDS),
                      read(rs.getString("modified"), IDS)));
        },
        deployments.keySet().toArray());
    return List.copyOf(deployments.values());
  }

  private static String fileName(String resource) {
    return resource.substring(resource.lastIndexOf('/') + 1);
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
