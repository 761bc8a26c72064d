package io.contractflow.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contractflow.security.SecurityLog;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carries out a data subject's request and records it: a row in {@code
 * contractflow.privacy_request} (the person named only by a SHA-256) and an event in the security
 * log. An erasure's record commits with the erasure; an export's is written before the archive is
 * handed out.
 */
@Component
class PrivacyRequests {

  private final DataSubjects subjects;
  private final PersonalDataExport exports;
  private final PersonalDataErasure erasures;
  private final JdbcTemplate jdbc;
  private final SecurityLog securityLog;
  private final ObjectMapper json;
  private final Clock clock;

  PrivacyRequests(
      DataSubjects subjects,
      PersonalDataExport exports,
      PersonalDataErasure erasures,
      JdbcTemplate jdbc,
      SecurityLog securityLog,
      ObjectMapper json,
      Clock clock) {
    this.subjects = subjects;
    this.exports = exports;
    this.erasures = erasures;
    this.jdbc = jdbc;
    this.securityLog = securityLog;
    this.json = json;
    this.clock = clock;
  }

  PersonalDataExport.Archive export(String email, String userId, String by, String sourceIp) {
    DataSubject subject = subjects.find(email, userId);
    UUID id = UUID.randomUUID();
    PersonalDataExport.Archive archive = exports.export(subject, id);
    record(id, "EXPORT", subject, null, by, Map.of("files", archive.files().size()));
    securityLog.privacyRequest("privacy-export", by, sourceIp, id.toString(), subject.digest());
    return archive;
  }

  @Transactional
  PersonalDataErasure.Result erase(String email, String userId, String by, String sourceIp) {
    DataSubject subject = subjects.find(email, userId);
    UUID id = UUID.randomUUID();
    PersonalDataErasure.Result result = erasures.erase(subject, by, id);
    record(id, "ERASURE", subject, result.pseudonym(), by, result);
    securityLog.privacyRequest("privacy-erasure", by, sourceIp, id.toString(), subject.digest());
    return result;
  }

  @Transactional(propagation = Propagation.REQUIRED)
  void record(
      UUID id, String kind, DataSubject subject, String pseudonym, String by, Object result) {
    String text;
    try {
      text = json.writeValueAsString(result);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    jdbc.update(
        "insert into contractflow.privacy_request"
            + " (id, kind, subject_sha256, pseudonym, requested_by, requested_at, result)"
            + " values (?, ?, ?, ?, ?, ?, ?::jsonb)",
        id,
        kind,
        subject.digest(),
        pseudonym,
        by,
        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
        text);
  }
}
